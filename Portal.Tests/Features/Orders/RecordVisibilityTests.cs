using System.Net;
using System.Net.Http.Json;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Admin.ApiClients;
using Portal.Web.Features.Opportunities;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

/// <summary>Walks reader × record × read operation (UI queries and the API): each sees exactly what the rule allows.</summary>
public sealed class RecordVisibilityTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Every_read_of_an_order_or_opportunity_applies_the_same_rule_with_no_leaks()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var backOffice = await Host.PrincipalFor("backoffice@portal.local");
        var admin = await Host.PrincipalFor("admin@portal.local");
        var kiosk = await Host.Send(new CreateApiClient.Command($"kiosk-{Guid.NewGuid():N}"[..20], ["intake"]), admin);
        using var intakeApi = Host.CreateApiClient();
        using var kioskApi = Host.CreateApiClient(kiosk.Key);

        var records = new Dictionary<string, string>
        {
            ["rep's order"] = (await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone())).Number,
            ["rep's appointment"] = (await Host.Send(Appointment(), rep)).Number,
            ["intake's order"] = await PlaceThroughApi(intakeApi, PreOrderBody()),
            ["intake's appointment"] = await PlaceThroughApi(intakeApi, AppointmentBody()),
        };

        var expected = new Dictionary<string, string[]>
        {
            ["rep"] = ["rep's order", "rep's appointment", "intake's order"],
            ["back office"] = ["rep's order", "rep's appointment", "intake's order", "intake's appointment"],
            ["intake client"] = ["rep's order", "intake's order", "intake's appointment"],
            ["kiosk client"] = ["rep's order", "intake's order"],
        };

        var seen = new List<string>();
        foreach (var (record, number) in records)
        {
            foreach (var (reader, principal) in new[] { ("rep", rep), ("back office", backOffice) })
            {
                var viaGetOrder = await Reads(() => Host.Send(new GetOrder.Query(number), principal));
                var viaOther = number.StartsWith("OP", StringComparison.Ordinal)
                    ? await Reads(() => Host.Send(new GetOpportunity.Query(number), principal))
                    : await Reads(() => Host.Send(new GetOrderStatus.Query(number), principal));
                Assert.True(viaGetOrder == viaOther, $"{reader} reading {record}: GetOrder {viaGetOrder}, the other query {viaOther}");
                Assert.True(viaGetOrder == expected[reader].Contains(record), $"{reader} reading {record}: {viaGetOrder}");
            }

            foreach (var (reader, api) in new[] { ("intake client", intakeApi), ("kiosk client", kioskApi) })
            {
                var response = await api.GetAsync($"/api/v1/orders/{number}");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{reader} reading {record}: {(int)response.StatusCode}");
                var read = response.StatusCode == HttpStatusCode.OK;
                Assert.True(read == expected[reader].Contains(record), $"{reader} reading {record} through the API: {read}");
                seen.Add($"{reader}:{record}:{read}");
            }
        }

        Assert.Equal(8, seen.Count);
    }

    private static async Task<bool> Reads<T>(Func<Task<T>> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static PlaceOrder.Command Appointment() => new(
        "Appointment",
        new PlaceOrder.CustomerInput("测试客户", OrderSlice.NewPhone()),
        [new PlaceOrder.LineInput("HS-XM-14-256-BLK", 1)],
        Appointment: new PlaceOrder.AppointmentInput(DateTime.SpecifyKind(DateTime.UtcNow.AddHours(8).Date.AddDays(1).AddHours(10), DateTimeKind.Unspecified)));

    private static object PreOrderBody() => new
    {
        flow = "PreOrderDelivery",
        customer = new { name = "渠道客户", phone = OrderSlice.NewPhone(), address = new { city = "广州市", district = "天河区", line = "体育西路1号" } },
        lines = new[] { new { sku = "ACC-CASE-CLEAR", quantity = 1 } },
        payment = "CashOnDelivery",
        deliveryWindow = new { date = OrderSlice.Tomorrow, slot = "14:00-18:00" },
    };

    private static object AppointmentBody() => new
    {
        flow = "Appointment",
        customer = new { name = "渠道客户", phone = OrderSlice.NewPhone() },
        lines = new[] { new { sku = "HS-XM-14-256-BLK", quantity = 1 } },
        appointment = new { preferredAt = $"{OrderSlice.Tomorrow}T11:00:00" },
    };

    private static async Task<string> PlaceThroughApi(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/orders", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Placed>())!.Number;
    }

    private sealed record Placed(string Number);
}
