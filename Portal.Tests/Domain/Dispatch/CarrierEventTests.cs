using Portal.Domain.Dispatch;
using static Portal.Tests.Domain.Dispatch.DispatchTestData;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Dispatch;

public class CarrierEventTests
{
    private static readonly Courier Company = DispatchTestData.Company();

    private static readonly CarrierEvent[] CleanPass =
    [
        new("e1", CarrierEventType.PickedUp, Now.AddHours(1), null, null),
        new("e2", CarrierEventType.OutForDelivery, Now.AddHours(2), null, null),
        new("e3", CarrierEventType.Failed, Now.AddHours(3), "Nobody home", null),
        new("e4", CarrierEventType.OutForDelivery, Now.AddHours(20), null, null),
        new("e5", CarrierEventType.Delivered, Now.AddHours(21), null, "门卫"),
    ];

    private static Delivery WithCompany() => AssignedTo(Company, Waiting(items: Sim()));

    private static object FinalState(Delivery d) => new
    {
        d.Status,
        d.FailedAttempts,
        d.ReceivedBy,
        d.PaymentCollected,
        Timeline = string.Join(
            "|", d.Timeline.OrderBy(t => t.AtUtc).ThenBy(t => t.ToStatus).Select(t => $"{t.AtUtc:O} {t.ToStatus} {t.Note}")),
        HandOvers = d.DomainEvents.OfType<DeliveryHandedOver>().Count(),
    };

    [Fact]
    public void Replaying_events_five_times_shuffled_ends_as_one_clean_pass()
    {
        var clean = WithCompany();
        foreach (var e in CleanPass)
        {
            clean.ApplyCarrierEvent(Company.Id, e, clean.Handover!.Value, Now.AddDays(2));
        }

        var random = new Random(20250601);
        var replayed = WithCompany();
        var stream = Enumerable.Repeat(CleanPass, 5).SelectMany(e => e).OrderBy(_ => random.Next()).ToList();
        foreach (var e in stream)
        {
            replayed.ApplyCarrierEvent(Company.Id, e, replayed.Handover!.Value, Now.AddDays(2));
        }

        Assert.Equal(DeliveryStatus.Delivered, clean.Status);
        Assert.Equal(FinalState(clean), FinalState(replayed));
    }

    [Fact]
    public void The_same_event_id_twice_has_one_effect()
    {
        var delivery = WithCompany();

        Assert.True(delivery.ApplyCarrierEvent(Company.Id, CleanPass[2] with { Type = CarrierEventType.OutForDelivery }, delivery.Handover!.Value, Now.AddDays(1)));
        var version = delivery.Version;
        Assert.False(delivery.ApplyCarrierEvent(Company.Id, CleanPass[2] with { Type = CarrierEventType.OutForDelivery }, delivery.Handover!.Value, Now.AddDays(1)));

        Assert.Equal(version, delivery.Version);
        Assert.Single(delivery.CarrierEvents);
    }

    [Fact]
    public void A_late_out_for_delivery_after_delivered_changes_nothing()
    {
        var delivery = WithCompany();
        delivery.ApplyCarrierEvent(Company.Id, CleanPass[4], delivery.Handover!.Value, Now.AddDays(2));

        delivery.ApplyCarrierEvent(Company.Id, CleanPass[1], delivery.Handover!.Value, Now.AddDays(2));

        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(2, delivery.DomainEvents.OfType<DeliveryStatusChanged>().Count(e => e.ToStatus != DeliveryStatus.Waiting));
    }

    [Fact]
    public void Delivered_by_the_company_hands_over_the_reserved_serials()
    {
        var delivery = WithCompany();

        delivery.ApplyCarrierEvent(Company.Id, CleanPass[4], delivery.Handover!.Value, Now.AddDays(2));

        var handOver = Assert.Single(delivery.DomainEvents.OfType<DeliveryHandedOver>());
        Assert.True(handOver.ByCourierCompany);
        Assert.Equal([new HandedOverSerial("SIM-STD", ValidIccid)], handOver.Serials);
    }

    [Fact]
    public void Refuses_events_for_a_delivery_the_company_does_not_have() =>
        Throws(() => AssignedTo(InHouse()).ApplyCarrierEvent(Company.Id, CleanPass[0], new HandoverId(Company.Id, DateOnly.FromDateTime(Now)), Now.AddDays(1)), "delivery.not_your_stop");

    [Fact]
    public void Refuses_an_event_dated_in_the_future()
    {
        var delivery = WithCompany();

        Throws(() => delivery.ApplyCarrierEvent(Company.Id, CleanPass[0], delivery.Handover!.Value, Now), "delivery.event_in_future");
    }

    [Fact]
    public void Refuses_an_event_quoting_another_day_s_handover_and_records_nothing()
    {
        var delivery = WithCompany();
        var handover = delivery.Handover!.Value;

        Throws(() => delivery.ApplyCarrierEvent(Company.Id, CleanPass[0], handover with { Day = handover.Day.AddDays(1) }, Now.AddDays(1)), "delivery.wrong_handover");
        Assert.Empty(delivery.CarrierEvents);
    }

    [Fact]
    public void The_timeline_keeps_the_handover_after_the_company_s_words()
    {
        var delivery = WithCompany();
        var handover = delivery.Handover!.Value;

        delivery.ApplyCarrierEvent(Company.Id, CleanPass[0], handover, Now.AddDays(1));
        delivery.ApplyCarrierEvent(Company.Id, CleanPass[2], handover, Now.AddDays(1));

        var notes = delivery.Timeline.Where(t => t.Actor == "courier company").OrderBy(t => t.AtUtc).Select(t => t.Note).ToList();
        Assert.Equal([handover.ToString(), $"Nobody home · {handover}"], notes);
        Assert.Matches(@"^H\d+-\d{8}$", handover.ToString());
    }
}
