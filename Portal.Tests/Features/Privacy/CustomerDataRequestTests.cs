using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Privacy;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Privacy;

namespace Portal.Tests.Features.Privacy;

public sealed class CustomerDataRequestTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task An_admin_exports_a_customers_data_with_a_reason_and_the_export_is_recorded()
    {
        await PlaceDirectOrder("13955550001", "导出客户");
        var admin = await Host.PrincipalFor("admin@portal.local");

        var json = await Host.Send(new ExportCustomerData.Command("13955550001", "Customer asked for a copy"), admin);

        Assert.Contains("导出客户", json);
        Assert.Contains("13955550001", json);
        var adminId = await Host.UserIdOf("admin@portal.local");
        Assert.True(await Host.WithDb(db => db.PersonalDataAccesses.AnyAsync(a => a.Action == PersonalDataAction.Export && a.Actor == adminId)));
        await Assert.ThrowsAsync<ForbiddenRequestException>(() =>
            Host.Send(new ExportCustomerData.Command("13955550001", "Customer asked for a copy"), Host.PrincipalFor("rep@portal.local").Result));
    }

    [Fact]
    public async Task Erasing_is_refused_while_an_order_is_open_and_done_once_it_is_closed()
    {
        var number = await PlaceDirectOrder("13955550002", "删除客户");
        var admin = await Host.PrincipalFor("admin@portal.local");

        var refused = await Assert.ThrowsAsync<DomainException>(() => Host.Send(new EraseCustomerData.Command("13955550002", "Customer asked to be forgotten"), admin));
        Assert.Equal("privacy.open_business", refused.Code);

        await Host.DeliverOutboxAsync();
        var customerId = await Host.Send(new EraseCustomerData.Command("13955550002", "Customer asked to be forgotten"), admin);

        var order = await Host.WithDb(db => db.Orders.Where(o => o.Number == number).Select(o => new { o.CustomerName, o.Phone }).SingleAsync());
        Assert.Equal("***", order.CustomerName);
        Assert.True(order.Phone.IsAnonymous);
        Assert.True(await Host.WithDb(db => db.PersonalDataAccesses.AnyAsync(a => a.CustomerId == customerId && a.Action == PersonalDataAction.Erase)));
    }

    private async Task<string> PlaceDirectOrder(string phone, string name)
    {
        using var api = Host.CreateApiClient();
        var response = await api.PostAsJsonAsync("/api/v1/orders", new
        {
            flow = "Direct",
            customer = new { name, phone },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("number").GetString()!;
    }
}
