using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Domain.Orders;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Features.Dispatch;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Dispatch;
using Portal.Web.Features.Orders;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Api;

/// <summary>The courier company's contract: its own deliveries, and status events that are idempotent and order-proof.</summary>
public sealed class CourierCompanyApiTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private HttpClient Company => Host.CreateApiClient(DemoAccounts.CourierCompanyKey);

    private Task<Delivery> WithCompany() => AssignedToCompany(Host);

    private Task<HttpResponseMessage> Post(HttpClient client, string code, object body) =>
        client.PostAsJsonAsync($"/api/v1/deliveries/{code}/events", body);

    /// <summary>The handover sheet that carried the parcel, as the company reads it off the sheet.</summary>
    private static string Sheet(Delivery delivery) => delivery.Handover!.Value.ToString();

    private static object[] CleanPass(DateTime start, string handoverId) =>
    [
        new { eventId = $"{Guid.NewGuid():N}", type = "PickedUp", at = start, handoverId },
        new { eventId = $"{Guid.NewGuid():N}", type = "OutForDelivery", at = start.AddMinutes(30), handoverId },
        new { eventId = $"{Guid.NewGuid():N}", type = "Failed", at = start.AddHours(1), reason = "无人应答", handoverId },
        new { eventId = $"{Guid.NewGuid():N}", type = "OutForDelivery", at = start.AddHours(2), handoverId },
        new { eventId = $"{Guid.NewGuid():N}", type = "Delivered", at = start.AddHours(3), receivedBy = "本人", handoverId },
    ];

    [Fact]
    public async Task Lists_its_assigned_deliveries_with_what_the_last_mile_needs()
    {
        var delivery = await WithCompany();

        var rows = await Company.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?status=Assigned");

        var row = rows.EnumerateArray().Single(r => r.GetProperty("trackingCode").GetString() == delivery.TrackingCode.Value);
        Assert.Equal(delivery.RecipientPhone.Value, row.GetProperty("recipientPhone").GetString());
        Assert.Equal("09:00-12:00", row.GetProperty("window").GetProperty("slot").GetString());
        Assert.Equal(2, row.GetProperty("parcelCount").GetInt32());
        Assert.Equal(delivery.AmountToCollect.Amount, row.GetProperty("amountToCollect").GetDecimal());
    }

    [Fact]
    public async Task A_client_without_the_deliveries_scope_is_refused()
    {
        var response = await Host.CreateApiClient(DemoAccounts.IntakeKey).GetAsync("/api/v1/deliveries?status=Assigned");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Events_replayed_five_times_shuffled_end_as_one_clean_pass()
    {
        var clean = await WithCompany();
        var replayed = await WithCompany();
        var start = DateTime.UtcNow.AddHours(-4);
        Assert.Equal(Sheet(clean), Sheet(replayed));
        var events = CleanPass(start, Sheet(clean));
        foreach (var e in events)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Post(Company, clean.TrackingCode.Value, e)).StatusCode);
        }

        var random = new Random(5);
        foreach (var e in Enumerable.Repeat(events, 5).SelectMany(x => x).OrderBy(_ => random.Next()))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Post(Company, replayed.TrackingCode.Value, e)).StatusCode);
        }

        var (a, b) = (await DeliveryOf(Host, clean.OrderNumber), await DeliveryOf(Host, replayed.OrderNumber));
        Assert.Equal(DeliveryStatus.Delivered, a.Status);
        Assert.Equal((a.Status, a.FailedAttempts, a.ReceivedBy, a.CarrierEvents.Count), (b.Status, b.FailedAttempts, b.ReceivedBy, b.CarrierEvents.Count));
        Assert.Equal(Steps(a), Steps(b));
        var (orderA, orderB) = (await OrderOf(Host, clean.OrderNumber), await OrderOf(Host, replayed.OrderNumber));
        Assert.Equal((OrderStatus.Delivered, PaymentStatus.Paid), (orderA.Status, orderA.PaymentStatus));
        Assert.Equal((orderA.Status, orderA.PaymentStatus), (orderB.Status, orderB.PaymentStatus));
        Assert.Equal(a.Items[0].ReservedSerials, orderA.Lines.Single(l => l.Sku == SimSku).Serials);
    }

    [Fact]
    public async Task A_late_out_for_delivery_after_delivered_changes_nothing()
    {
        var delivery = await WithCompany();
        await Post(Company, delivery.TrackingCode.Value, new { eventId = "d-1", type = "Delivered", at = DateTime.UtcNow.AddMinutes(-5), handoverId = Sheet(delivery) });

        var late = await Post(Company, delivery.TrackingCode.Value, new { eventId = "o-1", type = "OutForDelivery", at = DateTime.UtcNow.AddMinutes(-30), handoverId = Sheet(delivery) });

        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        Assert.Equal(DeliveryStatus.Delivered, (await DeliveryOf(Host, delivery.OrderNumber)).Status);
        Assert.Equal(OrderStatus.Delivered, (await OrderOf(Host, delivery.OrderNumber)).Status);
    }

    [Fact]
    public async Task An_unknown_code_and_another_courier_s_delivery_are_both_not_found()
    {
        var inHouse = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        await Host.Send(new AssignDelivery.Command(inHouse.Id, await CourierId(Host, CourierLogin), inHouse.Version, null), await Host.PrincipalFor(Dispatcher));
        var body = new { eventId = "x-1", type = "PickedUp", at = DateTime.UtcNow.AddMinutes(-1), handoverId = $"H{await CourierId(Host, DemoAccounts.CourierCompanyClient)}-{OrderSlice.Tomorrow.Replace("-", "")}" };

        var unknown = await Post(Company, "ABCDEFGHJKMN", body);
        var others = await Post(Company, inHouse.TrackingCode.Value, body);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, others.StatusCode));
        Assert.Equal(DeliveryStatus.Assigned, (await DeliveryOf(Host, inHouse.OrderNumber)).Status);
    }

    [Fact]
    public async Task An_event_without_an_id_or_with_an_unknown_type_is_refused_and_writes_nothing()
    {
        var delivery = await WithCompany();

        var noId = await Post(Company, delivery.TrackingCode.Value, new { type = "PickedUp", at = DateTime.UtcNow, handoverId = Sheet(delivery) });
        var badType = await Post(Company, delivery.TrackingCode.Value, new { eventId = "b-1", type = "Teleported", at = DateTime.UtcNow, handoverId = Sheet(delivery) });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noId.StatusCode, badType.StatusCode));
        Assert.Contains("eventId", await noId.Content.ReadAsStringAsync());
        Assert.Empty((await DeliveryOf(Host, delivery.OrderNumber)).CarrierEvents);
    }

    [Fact]
    public async Task An_event_quoting_the_sheet_that_carried_the_parcel_is_kept_on_the_delivery_s_history()
    {
        var delivery = await WithCompany();
        var listed = await Company.GetFromJsonAsync<JsonElement>($"/api/v1/handovers?date={OrderSlice.Tomorrow}");
        var handoverId = listed.EnumerateArray().Single().GetProperty("id").GetString()!;
        Assert.Equal(Sheet(delivery), handoverId);

        var response = await Post(Company, delivery.TrackingCode.Value, new { eventId = "h-1", type = "Failed", at = DateTime.UtcNow.AddMinutes(-5), reason = "无人应答", handoverId });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var entry = (await DeliveryOf(Host, delivery.OrderNumber)).Timeline.Single(t => t.Actor == "courier company");
        Assert.Equal((DeliveryStatus.FailedAttempt, $"无人应答 · {handoverId}"), (entry.ToStatus, entry.Note));
    }

    [Fact]
    public async Task An_event_without_a_handover_id_is_still_accepted_from_a_client_that_predates_the_sheet()
    {
        var delivery = await WithCompany();

        var response = await Post(Company, delivery.TrackingCode.Value, new { eventId = "old-1", type = "Failed", at = DateTime.UtcNow.AddMinutes(-5), reason = "无人应答" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var entry = (await DeliveryOf(Host, delivery.OrderNumber)).Timeline.Single(t => t.Actor == "courier company");
        Assert.Equal((DeliveryStatus.FailedAttempt, "无人应答"), (entry.ToStatus, entry.Note));
    }

    [Theory]
    [InlineData("another company")]
    [InlineData("another day")]
    [InlineData("malformed")]
    public async Task An_event_not_quoting_the_sheet_that_carried_the_parcel_is_refused_and_writes_nothing(string wrong)
    {
        var delivery = await WithCompany();
        var sheet = delivery.Handover!.Value;
        var handoverId = wrong switch
        {
            "another company" => (sheet with { CompanyId = await CourierId(Host, CourierLogin) }).ToString(),
            "another day" => (sheet with { Day = sheet.Day.AddDays(-1) }).ToString(),
            _ => $"{sheet}x",
        };

        var response = await Post(Company, delivery.TrackingCode.Value, new { eventId = "w-1", type = "PickedUp", at = DateTime.UtcNow.AddMinutes(-5), handoverId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("handoverId", out _));
        var after = await DeliveryOf(Host, delivery.OrderNumber);
        Assert.Equal((DeliveryStatus.Assigned, 0, delivery.Version), (after.Status, after.CarrierEvents.Count, after.Version));
        Assert.DoesNotContain(after.Timeline, t => t.Actor == "courier company");
    }

    private static string Steps(Delivery d) =>
        string.Join("|", d.Timeline.Where(t => t.Actor == "courier company").OrderBy(t => t.AtUtc).ThenBy(t => t.ToStatus).Select(t => $"{t.AtUtc:O}:{t.ToStatus}"));
}
