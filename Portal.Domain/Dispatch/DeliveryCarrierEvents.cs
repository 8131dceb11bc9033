using Portal.Domain.Common;
using Portal.Domain.Shared;
using static Portal.Domain.Dispatch.DeliveryStatus;

namespace Portal.Domain.Dispatch;

public sealed partial class Delivery
{
    /// <summary>The handover sheet that carries this parcel: its courier company on its delivery day (none off that channel).</summary>
    public HandoverId? Handover => Channel == DeliveryChannel.CourierCompany && CourierId is { } company ? new HandoverId(company, Window.Date) : null;

    /// <summary>
    /// Applies a status report from the courier company. The same event id twice has one effect, and the status
    /// is the furthest one reported, so events arriving late or shuffled end in the same state as a clean pass
    /// (a late OutForDelivery after Delivered changes nothing). A report that quotes a handover sheet must quote the
    /// one that carried the parcel, and the timeline keeps it (older clients send none). Returns false for a replay.
    /// </summary>
    public bool ApplyCarrierEvent(long courierId, CarrierEvent report, HandoverId? handover, DateTime nowUtc)
    {
        EnsureCourier(courierId);
        var eventId = Require.Text(report.EventId, "Event id", 64, "delivery.invalid");
        if (_carrierEvents.Any(e => e.EventId == eventId))
        {
            return false;
        }

        if (handover is not null && handover != Handover)
        {
            throw new DomainException("delivery.wrong_handover", $"Handover {handover} did not carry delivery {TrackingCode}");
        }

        if (Status is not (Assigned or PickedUp or OutForDelivery or FailedAttempt or Delivered or Returned))
        {
            throw new DomainException("delivery.invalid_transition", $"Delivery {TrackingCode} is {Status}; it is not with the courier company");
        }

        if (report.AtUtc > nowUtc.AddMinutes(5))
        {
            throw new DomainException("delivery.event_in_future", $"The event time {report.AtUtc:O} is in the future");
        }

        var accepted = report with
        {
            EventId = eventId,
            Reason = Require.OptionalText(report.Reason, "Reason", 200, "delivery.invalid"),
            ReceivedBy = Require.OptionalText(report.ReceivedBy, "Received by", 50, "delivery.invalid"),
        };
        _carrierEvents.Add(accepted);
        var reported = StatusOf(accepted.Type);
        // The handover goes after the company's words, so a note still starts with a failure reason's name.
        var said = accepted.Reason ?? accepted.ReceivedBy;
        var note = handover is null ? said : said is null ? handover.ToString() : $"{said} · {handover}";
        _timeline.Add(new DeliveryTimelineEntry(accepted.AtUtc, CourierCompanyActor, null, reported, note));
        FailedAttempts = _carrierEvents.Count(e => e.Type == CarrierEventType.Failed);
        if (accepted.Type == CarrierEventType.Failed)
        {
            LastFailureReason = FailureReason.Other;
        }

        Version++;
        var furthest = _carrierEvents.MaxBy(e => (Rank(StatusOf(e.Type)), e.AtUtc))!;
        var target = StatusOf(furthest.Type);
        if (Status is Delivered or Returned || Rank(target) <= Rank(Status))
        {
            return true;
        }

        var from = Status;
        Status = target;
        Raise(new DeliveryStatusChanged(TrackingCode.Value, OrderNumber, from, target, CourierCompanyActor, furthest.Reason, furthest.AtUtc));
        if (target == Delivered)
        {
            ReceivedBy = furthest.ReceivedBy ?? RecipientName;
            PaymentCollected = Collection != CollectionMethod.None;
            RaiseHandOver(true, ReceivedBy, furthest.AtUtc);
        }

        return true;
    }

    private static DeliveryStatus StatusOf(CarrierEventType type) => type switch
    {
        CarrierEventType.PickedUp => PickedUp,
        CarrierEventType.OutForDelivery => OutForDelivery,
        CarrierEventType.Delivered => Delivered,
        CarrierEventType.Failed => FailedAttempt,
        _ => Returned,
    };

    private static int Rank(DeliveryStatus status) => status switch
    {
        PickedUp => 1,
        OutForDelivery => 2,
        FailedAttempt => 3,
        Delivered or Returned => 4,
        _ => 0,
    };

    private void RaiseHandOver(bool byCourierCompany, string? receivedBy, DateTime atUtc)
    {
        var serials = _items
            .Where(i => i.IsSerialTracked)
            .SelectMany(i => (byCourierCompany ? i.ReservedSerials : i.HandedOverSerials).Select(s => new HandedOverSerial(i.Sku, s)))
            .ToList();
        Raise(new DeliveryHandedOver(
            TrackingCode.Value,
            OrderNumber,
            serials,
            byCourierCompany,
            Collection == CollectionMethod.None ? Money.Zero : AmountToCollect,
            receivedBy,
            atUtc));
    }
}
