using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Dispatch;
using Portal.Web.Features.Orders;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Documents;

public sealed class HandoverSheetTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private HttpClient Company => Host.CreateApiClient(DemoAccounts.CourierCompanyKey);

    /// <summary>A SIM card and a charger, cash at the door, to Haizhu: the courier company's channel.</summary>
    private async Task<Delivery> HandedToCompany()
    {
        var placed = await Host.Send(
            new PlaceOrder.Command(
                "PreOrderDelivery",
                new PlaceOrder.CustomerInput("郑敏", OrderSlice.NewPhone(), CustomerId, new PlaceOrder.AddressInput("广州市", "海珠区", "新港中路397号")),
                [new PlaceOrder.LineInput(SimSku, 1), new PlaceOrder.LineInput("ACC-CHARGER-66W", 1)],
                "CashOnDelivery",
                new PlaceOrder.DeliveryWindowInput(OrderSlice.Tomorrow, "09:00-12:00")),
            await Host.PrincipalFor(Rep));
        var delivery = await DeliveryOf(Host, placed.Number);
        await Host.Send(
            new AssignDelivery.Command(delivery.Id, await CourierId(Host, DemoAccounts.CourierCompanyClient), delivery.Version, null),
            await Host.PrincipalFor(Dispatcher));
        return await DeliveryOf(Host, placed.Number);
    }

    private async Task<string> HandoverId(HttpClient company, DateOnly date)
    {
        var list = await company.GetFromJsonAsync<JsonElement>($"/api/v1/handovers?date={date:yyyy-MM-dd}");
        return list.EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_company_lists_its_handover_and_its_sheet_lists_every_parcel_with_cash_on_delivery()
    {
        var first = await HandedToCompany();
        var second = await HandedToCompany();

        var list = await Company.GetFromJsonAsync<JsonElement>($"/api/v1/handovers?date={Tomorrow:yyyy-MM-dd}");
        var handover = list.EnumerateArray().Single();
        var id = handover.GetProperty("id").GetString()!;
        var sheet = await PdfText.Fetch(Company, handover.GetProperty("sheetUrl").GetString()!);

        Assert.Contains(first.TrackingCode.Value, sheet.All);
        Assert.Contains(second.TrackingCode.Value, sheet.All);
        Assert.Contains("郑敏", sheet.All);
        Assert.Contains(id, sheet.All);
        Assert.DoesNotContain(first.RecipientPhone.Value, sheet.All);
        var cod = handover.GetProperty("cashOnDelivery").GetDecimal();
        Assert.True(cod >= first.AmountToCollect.Amount + second.AmountToCollect.Amount);
        Assert.Contains($"¥{cod:0.00}", sheet.All);
    }

    [Fact]
    public async Task Another_company_cannot_fetch_the_sheet_and_sees_no_handover_that_day()
    {
        await HandedToCompany();
        var id = await HandoverId(Company, Tomorrow);
        var other = await OtherCompany();

        var sheet = await other.GetAsync($"/api/v1/handovers/{id}/sheet.pdf");
        var list = await other.GetFromJsonAsync<JsonElement>($"/api/v1/handovers?date={Tomorrow:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.NotFound, sheet.StatusCode);
        Assert.Equal("application/problem+json", sheet.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task The_dispatcher_prints_the_sheet_from_the_station()
    {
        var delivery = await HandedToCompany();
        var id = await HandoverId(Company, Tomorrow);
        var dispatcher = Host.CreateClient();
        await PortalHost.SignInAsync(dispatcher, Dispatcher);

        var sheet = await PdfText.Fetch(dispatcher, $"/dispatch/handovers/{id}/sheet.pdf");

        Assert.Contains(delivery.TrackingCode.Value, sheet.All);
        Assert.Contains("顺达速递", sheet.All);
    }

    [Theory]
    [InlineData("/api/v1/handovers", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/handovers?date=2026-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/handovers/H1-2026/sheet.pdf", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/handovers/not-an-id/sheet.pdf", HttpStatusCode.NotFound)]
    public async Task Bad_requests_get_problem_details(string url, HttpStatusCode status)
    {
        var response = await Company.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpClient> OtherCompany()
    {
        var login = $"courier co {Guid.NewGuid():N}"[..24];
        var key = ApiClient.NewKey();
        await Host.WithDb(async db =>
        {
            db.Couriers.Add(Courier.Create(login, "速达快运", DeliveryChannel.CourierCompany, 100, GeoPoint.Create(23.1, 113.3), []));
            db.ApiClients.Add(ApiClient.Create(login, key, DateTime.UtcNow, [ApiScopes.Deliveries]));
            return await db.SaveChangesAsync();
        });
        return Host.CreateApiClient(key);
    }
}
