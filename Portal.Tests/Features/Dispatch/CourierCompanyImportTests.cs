using System.Net;
using System.Net.Http.Json;
using System.Text;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;
using static Portal.Web.Features.Dispatch.ImportCourierCompanyEvents;

namespace Portal.Tests.Features.Dispatch;

/// <summary>The courier company's daily file at /dispatch/imports: checked row by row, applied whole or not at all, replay-proof.</summary>
public sealed class CourierCompanyImportTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private static string Line(string eventId, string code, string type, DateTime atUtc, string reason = "", string receivedBy = "", string handover = "") =>
        $"{eventId},{code},{type},{new DateTimeOffset(atUtc).ToOffset(TimeSpan.FromHours(8)):yyyy-MM-ddTHH:mm:sszzz},{reason},{receivedBy},{handover}";

    private static byte[] File(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Prepend(Header)) + "\r\n");

    /// <summary>A day of one parcel as the company reports it: out, a failed attempt, out again, delivered (codes in any case).</summary>
    private static List<string> CleanPass(Delivery delivery, DateTime start)
    {
        var (code, sheet, id) = (delivery.TrackingCode.Value, delivery.Handover!.Value.ToString(), Guid.NewGuid().ToString("N")[..8]);
        return
        [
            Line($"{id}-1", code, "PickedUp", start, handover: sheet),
            Line($"{id}-2", code.ToLowerInvariant(), "OutForDelivery", start.AddMinutes(30), handover: sheet),
            Line($"{id}-3", code, "Failed", start.AddHours(1), reason: "\"无人应答, 电话未接\""),
            Line($"{id}-4", code, "OutForDelivery", start.AddHours(2)),
            Line($"{id}-5", code, "Delivered", start.AddHours(3), receivedBy: "本人", handover: sheet),
        ];
    }

    private async Task<long> Company() => await CourierId(Host, DemoAccounts.CourierCompanyClient);

    private async Task<Report> Apply(byte[] file) => await Host.Send(new Apply(await Company(), file), await Host.PrincipalFor(Dispatcher));

    private async Task<Report> Preview(byte[] file) => await Host.Send(new Preview(await Company(), file), await Host.PrincipalFor(Dispatcher));

    [Fact]
    public async Task A_file_with_wrong_rows_names_each_of_them_and_applies_nothing()
    {
        var delivery = await AssignedToCompany(Host);
        var code = delivery.TrackingCode.Value;
        var earlier = DateTime.UtcNow.AddHours(-2);
        var file = File(
        [
            Line("bad-1", code, "PickedUp", earlier),
            Line("bad-2", "TKUNKNOWN0000000", "PickedUp", earlier),
            Line("bad-3", code, "Lost", earlier),
            $"bad-4,{code},OutForDelivery,2026-12-02 10:15,,,",
            Line("bad-1", code, "OutForDelivery", earlier),
            Line("bad-6", code, "Delivered", DateTime.UtcNow.AddDays(1)),
        ]);

        var preview = await Preview(file);
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Apply(file));

        Assert.Equal(
            [RowOutcome.Changes, RowOutcome.Wrong, RowOutcome.Wrong, RowOutcome.Wrong, RowOutcome.Wrong, RowOutcome.Wrong],
            preview.Rows.Select(r => r.Outcome));
        Assert.False(preview.CanApply);
        Assert.Contains("Unknown tracking code", preview.Rows[1].Error);
        Assert.Contains("Lost", preview.Rows[2].Error);
        Assert.Contains("offset", preview.Rows[3].Error);
        Assert.Contains("also on row 2", preview.Rows[4].Error);
        Assert.Contains("future", preview.Rows[5].Error);
        Assert.Equal(["file.row3", "file.row4", "file.row5", "file.row6", "file.row7"], ex.Errors.Keys.Order());
        var after = await DeliveryOf(Host, delivery.OrderNumber);
        Assert.Equal((DeliveryStatus.Assigned, 0, delivery.Version), (after.Status, after.CarrierEvents.Count, after.Version));
    }

    [Fact]
    public async Task A_file_without_the_agreed_header_is_refused_as_a_whole()
    {
        var delivery = await AssignedToCompany(Host);
        var file = Encoding.UTF8.GetBytes("Code,Status\r\n" + delivery.TrackingCode.Value + ",Delivered\r\n");

        var preview = await Preview(file);

        Assert.Contains(Header, preview.FileError);
        Assert.False(preview.CanApply);
        await Assert.ThrowsAsync<RequestValidationException>(() => Apply(file));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var delivery = await AssignedToCompany(Host);
        var file = File(CleanPass(delivery, DateTime.UtcNow.AddHours(-5)));

        var first = await Apply(file);
        var once = await DeliveryOf(Host, delivery.OrderNumber);
        var again = await Apply(file);
        var twice = await DeliveryOf(Host, delivery.OrderNumber);

        Assert.Equal(5, first.Changes);
        Assert.All(again.Rows, r => Assert.Equal(RowOutcome.AlreadyApplied, r.Outcome));
        Assert.Equal((DeliveryStatus.Delivered, "本人", 1), (once.Status, once.ReceivedBy, once.FailedAttempts));
        Assert.Equal((once.Version, once.CarrierEvents.Count, once.Timeline.Count), (twice.Version, twice.CarrierEvents.Count, twice.Timeline.Count));
    }

    [Fact]
    public async Task A_shuffled_file_ends_in_the_same_state_as_a_clean_pass()
    {
        var start = DateTime.UtcNow.AddHours(-5);
        var clean = await AssignedToCompany(Host);
        var shuffled = await AssignedToCompany(Host);
        var lines = CleanPass(shuffled, start);

        await Apply(File(CleanPass(clean, start)));
        await Apply(File(lines.OrderBy(_ => Random.Shared.Next())));
        await Apply(File([.. lines.AsEnumerable().Reverse()]));

        var (a, b) = (await DeliveryOf(Host, clean.OrderNumber), await DeliveryOf(Host, shuffled.OrderNumber));
        Assert.Equal((a.Status, a.FailedAttempts, a.ReceivedBy, a.PaymentCollected), (b.Status, b.FailedAttempts, b.ReceivedBy, b.PaymentCollected));
        Assert.Equal(Steps(a), Steps(b));
    }

    [Fact]
    public async Task A_row_for_a_delivery_the_company_does_not_carry_is_refused()
    {
        var own = await AssignedToCompany(Host);
        var inHouse = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        await Host.Send(
            new AssignDelivery.Command(inHouse.Id, await CourierId(Host, CourierLogin), inHouse.Version, null), await Host.PrincipalFor(Dispatcher));
        var earlier = DateTime.UtcNow.AddHours(-1);
        var file = File([Line("own-1", own.TrackingCode.Value, "PickedUp", earlier), Line("other-1", inHouse.TrackingCode.Value, "PickedUp", earlier)]);

        var preview = await Preview(file);
        await Assert.ThrowsAsync<RequestValidationException>(() => Apply(file));

        Assert.Contains("not a delivery of this courier company", preview.Rows[1].Error);
        Assert.Equal(DeliveryStatus.Assigned, (await DeliveryOf(Host, inHouse.OrderNumber)).Status);
        Assert.Empty((await DeliveryOf(Host, own.OrderNumber)).CarrierEvents);
    }

    [Fact]
    public async Task A_report_already_sent_over_the_api_is_already_applied_when_it_comes_in_the_file()
    {
        var delivery = await AssignedToCompany(Host);
        var at = DateTime.UtcNow.AddHours(-1);
        var sent = await Host.CreateApiClient(DemoAccounts.CourierCompanyKey)
            .PostAsJsonAsync($"/api/v1/deliveries/{delivery.TrackingCode.Value}/events", new { eventId = "api-1", type = "PickedUp", at });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);

        var preview = await Preview(File([Line("api-1", delivery.TrackingCode.Value, "PickedUp", at), Line("file-2", delivery.TrackingCode.Value, "OutForDelivery", at.AddMinutes(5))]));

        Assert.Equal([RowOutcome.AlreadyApplied, RowOutcome.Changes], preview.Rows.Select(r => r.Outcome));
    }

    private static string Steps(Delivery d) =>
        string.Join("|", d.Timeline.Where(t => t.Actor == "courier company").OrderBy(t => t.AtUtc).ThenBy(t => t.ToStatus).Select(t => $"{t.AtUtc:O}:{t.ToStatus}:{t.Note}"));
}
