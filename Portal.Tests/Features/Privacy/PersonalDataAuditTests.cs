using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Privacy;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Admin.Audit;
using Portal.Web.Features.Privacy;

namespace Portal.Tests.Features.Privacy;

public sealed class PersonalDataAuditTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Revealing_a_phone_answers_the_full_number_and_records_who_when_which_customer_and_why()
    {
        var (number, phone) = await PlaceOrder("13923450001");
        var rep = await Host.PrincipalFor("rep@portal.local");

        var shown = await Host.Send(new RevealPersonalData.Command(number, RevealPersonalData.Field.Phone, "Customer asked for a call back"), rep);

        Assert.Equal(phone, shown);
        var access = await Host.WithDb(db => db.PersonalDataAccesses.SingleAsync(a => a.Context == number));
        Assert.Equal(await Host.UserIdOf("rep@portal.local"), access.Actor);
        Assert.Equal(PersonalDataAction.ShowPhone, access.Action);
        Assert.Equal("Customer asked for a call back", access.Reason);
        Assert.Equal(await Host.WithDb(db => db.Orders.Where(o => o.Number == number).Select(o => o.CustomerId).SingleAsync()), access.CustomerId);
    }

    [Fact]
    public async Task A_reveal_without_a_real_reason_is_refused_and_records_nothing()
    {
        var (number, _) = await PlaceOrder("13923450002");
        var rep = await Host.PrincipalFor("rep@portal.local");

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Host.Send(new RevealPersonalData.Command(number, RevealPersonalData.Field.Phone, "   "), rep));

        Assert.Contains("Reason", refused.Errors.Keys);
        Assert.False(await Host.WithDb(db => db.PersonalDataAccesses.AnyAsync(a => a.Context == number)));
    }

    [Theory]
    [InlineData("cashier@portal.local")]
    [InlineData("courier@portal.local")]
    [InlineData("admin@portal.local")]
    public async Task Roles_without_a_need_cannot_reveal(string email)
    {
        var (number, _) = await PlaceOrder("13923450003");

        await Assert.ThrowsAsync<ForbiddenRequestException>(async () =>
            await Host.Send(new RevealPersonalData.Command(number, RevealPersonalData.Field.Phone, "Just curious today"), await Host.PrincipalFor(email)));
    }

    [Fact]
    public async Task The_audit_trail_finds_the_reveal_by_user_and_by_customer_next_to_the_order_timeline()
    {
        var (number, phone) = await PlaceOrder("13923450004");
        var rep = await Host.PrincipalFor("rep@portal.local");
        await Host.Send(new RevealPersonalData.Command(number, RevealPersonalData.Field.Phone, "Courier cannot reach the customer"), rep);
        var admin = await Host.PrincipalFor("admin@portal.local");

        var byCustomer = await Host.Send(new AuditTrail.Query(null, phone, null, null), admin);
        var byUser = await Host.Send(new AuditTrail.Query("rep@portal.local", null, null, null), admin);
        var byOtherUser = await Host.Send(new AuditTrail.Query("backoffice@portal.local", phone, null, null), admin);

        Assert.Contains(byCustomer.Entries, e => e is { Kind: "PersonalData", What: "ShowPhone", Reason: "Courier cannot reach the customer" } && e.Subject == number);
        Assert.Contains(byCustomer.Entries, e => e.Kind == "Order" && e.Subject == number);
        Assert.All(byCustomer.Entries, e => Assert.True(e.Subject == number || e.Kind != "Order"));
        Assert.Contains(byUser.Entries, e => e.Kind == "PersonalData" && e.Subject == number);
        Assert.DoesNotContain(byOtherUser.Entries, e => e.Kind == "PersonalData");
        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new AuditTrail.Query(null, null, null, null), rep));
    }

    [Fact]
    public async Task The_csv_export_is_for_administrators_and_escapes_formulas()
    {
        var (number, phone) = await PlaceOrder("13923450005");
        await Host.Send(new RevealPersonalData.Command(number, RevealPersonalData.Field.Phone, "=HYPERLINK(\"http://x\")"), await Host.PrincipalFor("rep@portal.local"));
        using var admin = Host.CreateClient();
        await PortalHost.SignInAsync(admin, "admin@portal.local");
        using var rep = Host.CreateClient();
        await PortalHost.SignInAsync(rep, "rep@portal.local");

        var customer = await Host.WithDb(db => db.Orders.Where(o => o.Number == number).Select(o => o.CustomerId).SingleAsync());
        var export = await admin.GetAsync(AuditExportEndpoint.Link(null, customer, null, null));
        var forbidden = await rep.GetAsync(AuditExportEndpoint.Link(null, customer, null, null));
        var badDate = await admin.GetAsync(AuditExportEndpoint.Route + "?from=yesterday");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains("'=HYPERLINK(\"\"http://x\"\")", csv);
        Assert.Contains(number, csv);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("plain", "plain")]
    public void Csv_cells_never_start_a_formula(string value, string cell) => Assert.Equal(cell, AuditTrail.Cell(value));

    private async Task<(string Number, string Phone)> PlaceOrder(string phone)
    {
        using var api = Host.CreateApiClient();
        var response = await api.PostAsJsonAsync("/api/v1/orders", new
        {
            flow = "Direct",
            customer = new { name = "隐私客户", phone },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString()!, phone);
    }
}
