using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using static Portal.Domain.Dispatch.DeliveryStatus;

namespace Portal.Domain.Dispatch;

/// <summary>
/// Getting one order's parcel to the customer: from waiting at the station, through a courier's run, to delivered
/// or back in stock. Courier actions are idempotent: repeating one that already took effect changes nothing.
/// </summary>
public sealed partial class Delivery : Entity
{
    private const string CourierCompanyActor = "courier company";

    private static readonly Dictionary<DeliveryStatus, DeliveryStatus[]> Transitions = new()
    {
        [Waiting] = [Assigned, OnHold, Rescheduled, Cancelled],
        [OnHold] = [Waiting, Cancelled],
        [Assigned] = [Waiting, PickedUp, OutForDelivery, Rescheduled, Cancelled],
        [PickedUp] = [OutForDelivery, Rescheduled, Returned],
        [OutForDelivery] = [Delivered, FailedAttempt],
        [FailedAttempt] = [Rescheduled, Returned],
        [Rescheduled] = [Assigned, OnHold, Rescheduled, Cancelled],
    };

    private readonly List<DeliveryItem> _items = [];
    private readonly List<DeliveryTimelineEntry> _timeline = [];
    private readonly List<CarrierEvent> _carrierEvents = [];

    private Delivery()
    {
        OrderNumber = null!;
        TrackingCode = null!;
        RecipientName = null!;
        RecipientPhone = null!;
        Address = null!;
        ZoneCode = null!;
        Window = null!;
    }

    public string OrderNumber { get; private set; }

    public TrackingCode TrackingCode { get; private set; }

    public string RecipientName { get; private set; }

    public Msisdn RecipientPhone { get; private set; }

    public Address Address { get; private set; }

    public GeoPoint Location { get; private set; }

    /// <summary>The address had no coordinates of its own, so the run uses the zone's centre.</summary>
    public bool LocationIsZoneCentre { get; private set; }

    public string ZoneCode { get; private set; }

    public DeliveryWindow Window { get; private set; }

    public IReadOnlyList<DeliveryItem> Items => _items;

    public Money AmountToCollect { get; private set; }

    public CollectionMethod Collection { get; private set; }

    public DeliveryChannel? Channel { get; private set; }

    /// <summary>The channel rule (or the dispatcher's reason) behind the current channel and courier.</summary>
    public string? AssignmentReason { get; private set; }

    public long? CourierId { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int FailedAttempts { get; private set; }

    /// <summary>Why the dispatcher holds it back (only while on hold).</summary>
    public string? HoldReason { get; private set; }

    /// <summary>The day the hold lifts by itself; none means until released by hand.</summary>
    public DateOnly? HeldUntil { get; private set; }

    public FailureReason? LastFailureReason { get; private set; }

    public IdDocumentType? IdCheckedType { get; private set; }

    /// <summary>Only the last four characters of the checked ID are ever kept.</summary>
    public string? IdCheckedLast4 { get; private set; }

    public bool PaymentCollected { get; private set; }

    public string? SignatureReference { get; private set; }

    public string? ReceivedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<DeliveryTimelineEntry> Timeline => _timeline;

    public IReadOnlyList<CarrierEvent> CarrierEvents => _carrierEvents;

    public bool ContainsHandset => _items.Any(i => i.Kind == ProductKind.Handset);

    /// <summary>SIM cards with nothing else needing explanation (accessories may travel with them).</summary>
    public bool IsSimOnly => _items.Any(i => i.Kind == ProductKind.Sim) && _items.All(i => i.Kind is ProductKind.Sim or ProductKind.Accessory);

    /// <summary>Real-name registration: a SIM card is only handed over after an ID check.</summary>
    public bool RequiresIdCheck => _items.Any(i => i.Kind == ProductKind.Sim);

    public bool IsOpen => Status is not (Delivered or Returned or Cancelled);

    /// <summary>An order ready for dispatch becomes a delivery waiting at the station.</summary>
    public static Delivery Create(
        string orderNumber,
        TrackingCode trackingCode,
        string recipientName,
        Msisdn recipientPhone,
        Address address,
        GeoPoint? location,
        Zone zone,
        DeliveryWindow window,
        IEnumerable<DeliveryItem> items,
        Money amountToCollect,
        CollectionMethod collection,
        string actor,
        DateTime nowUtc)
    {
        if ((amountToCollect > Money.Zero) != (collection != CollectionMethod.None))
        {
            throw new DomainException(
                "delivery.collection_mismatch", $"Collecting {amountToCollect} needs a collection method other than {collection}");
        }

        var delivery = new Delivery
        {
            OrderNumber = Require.Text(orderNumber, "Order number", 14, "delivery.invalid"),
            TrackingCode = trackingCode,
            RecipientName = Require.Text(recipientName, "Recipient", 50, "delivery.invalid"),
            RecipientPhone = recipientPhone,
            Address = address,
            Location = location ?? zone.Centre,
            LocationIsZoneCentre = location is null,
            ZoneCode = zone.Code,
            Window = window,
            AmountToCollect = Require.NotNegative(amountToCollect, "Amount to collect", "delivery.invalid"),
            Collection = collection,
            CreatedAtUtc = nowUtc,
        };
        delivery._items.AddRange(items);
        if (delivery._items.Count == 0)
        {
            throw new DomainException("delivery.empty", $"Order {orderNumber} has nothing to deliver");
        }

        delivery.Record(Waiting, actor, nowUtc, null);
        return delivery;
    }

    /// <summary>Replaces the recipient's name, number and street line; the route, times and money stay.</summary>
    public void AnonymiseRecipient(Msisdn anonymous)
    {
        RecipientName = Anonymous.Text;
        RecipientPhone = anonymous;
        Address = Address.Anonymised();
    }

    /// <summary>The IMEIs / ICCIDs inventory reserved for the order; a parcel leaves the station only with all of them.</summary>
    public void ReserveSerials(string sku, IEnumerable<string> serials)
    {
        EnsureStatus("change its reserved units", Waiting, OnHold, Assigned, Rescheduled);
        var item = _items.FirstOrDefault(i => i.Sku == sku && i.IsSerialTracked)
            ?? throw new DomainException("delivery.unknown_item", $"Nothing with a serial number on this delivery is {sku}");
        item.Reserve(serials);
        Version++;
    }

    /// <summary>The channel rules' choice, made before any courier is picked.</summary>
    public void ChooseChannel(ChannelDecision decision)
    {
        EnsureStatus("choose a channel", Waiting, Rescheduled);
        Channel = decision.Channel;
        AssignmentReason = decision.Rule;
        Version++;
    }

    /// <summary>
    /// Puts the delivery on a courier's run for its day. Moving it from one courier to another needs a reason.
    /// Returns false when it is already with that courier (a repeated click).
    /// </summary>
    public bool AssignTo(Courier courier, int courierLoadThatDay, string actor, DateTime nowUtc, string? reason = null)
    {
        if (CourierId == courier.Id && Status == Assigned)
        {
            return false;
        }

        EnsureStatus("be assigned", Waiting, Rescheduled, Assigned);
        if (!courier.Covers(ZoneCode))
        {
            throw new DomainException("delivery.zone_not_covered", $"{courier.Name} does not deliver in zone {ZoneCode}");
        }

        if (courierLoadThatDay >= courier.CapacityPerDay)
        {
            throw new DomainException(
                "delivery.courier_full", $"{courier.Name} already has {courierLoadThatDay} of {courier.CapacityPerDay} stops on {Window.Date:yyyy-MM-dd}");
        }

        var why = Status == Assigned
            ? Require.Text(reason, "Reason for moving it to another courier", 200, "delivery.reason_required")
            : Require.OptionalText(reason, "Reason", 200, "delivery.invalid");
        CourierId = courier.Id;
        Channel = courier.Channel;
        AssignmentReason = why ?? AssignmentReason;
        if (Status == Assigned)
        {
            Record(Assigned, actor, nowUtc, $"Moved to {courier.Name}: {why}");
        }
        else
        {
            Record(Assigned, actor, nowUtc, why is null ? courier.Name : $"{courier.Name}: {why}");
        }

        Raise(new DeliveryAssigned(TrackingCode.Value, OrderNumber, courier.Id, courier.Channel, actor, why, nowUtc));
        return true;
    }

    public void Unassign(string reason, string actor, DateTime nowUtc)
    {
        EnsureStatus("be unassigned", Assigned);
        Record(Waiting, actor, nowUtc, Require.Text(reason, "Reason", 200, "delivery.reason_required"));
        CourierId = null;
    }

    /// <summary>
    /// Keeps a waiting delivery off proposals until the dispatcher releases it, or until the chosen day (China time)
    /// comes, which may be no later than the delivery's own day. Returns false when it is already held so (a repeated click).
    /// </summary>
    public bool Hold(string reason, DateOnly? releaseOn, string actor, DateTime nowUtc)
    {
        var why = Require.Text(reason, "Reason", 200, "delivery.reason_required");
        if (IsHeldAs(why, releaseOn))
        {
            return false;
        }

        EnsureStatus("be held", Waiting, Rescheduled);
        if (releaseOn is { } day && (day <= ChinaTime.Today(nowUtc) || day > Window.Date))
        {
            throw new DomainException(
                "delivery.hold_date_invalid", $"Release it after today and no later than its delivery day {Window.Date:yyyy-MM-dd} (asked {day:yyyy-MM-dd})");
        }

        HoldReason = why;
        HeldUntil = releaseOn;
        Record(OnHold, actor, nowUtc, releaseOn is { } until ? $"{why} (until {until:yyyy-MM-dd})" : why);
        return true;
    }

    public bool IsHeldAs(string? reason, DateOnly? releaseOn) => Status == OnHold && HoldReason == reason?.Trim() && HeldUntil == releaseOn;

    /// <summary>Back to waiting for a courier. Returns false when it is no longer held (a repeated click).</summary>
    public bool Release(string actor, DateTime nowUtc)
    {
        if (Status == Waiting && HoldReason is null)
        {
            return false;
        }

        EnsureStatus("be released", OnHold);
        HoldReason = null;
        HeldUntil = null;
        Record(Waiting, actor, nowUtc, null);
        return true;
    }

    /// <summary>The hold lifts by itself once its chosen day has come.</summary>
    public bool ReleaseIfDue(string actor, DateTime nowUtc) =>
        Status == OnHold && HeldUntil is { } day && day <= ChinaTime.Today(nowUtc) && Release(actor, nowUtc);

    /// <summary>
    /// Part of a split run: this stop leaves one courier's run for another's, with the reason recorded. Only a stop
    /// still waiting at the station for its courier can move. Returns false when it is already with the other courier.
    /// </summary>
    public bool MoveToRun(long fromCourierId, Courier to, int toLoadThatDay, string reason, string actor, DateTime nowUtc)
    {
        if (to.Id == fromCourierId)
        {
            throw new DomainException("delivery.same_courier", $"Choose another courier than the one whose run is split");
        }

        if (CourierId == to.Id && Status == Assigned)
        {
            return false;
        }

        if (CourierId != fromCourierId)
        {
            throw new DomainException("delivery.not_on_run", $"Delivery {TrackingCode} is not on that courier's run any more; reload the board");
        }

        EnsureStatus("move to another run (it has left the station)", Assigned);
        return AssignTo(to, toLoadThatDay, actor, nowUtc, Require.Text(reason, "Reason for moving it to another courier", 200, "delivery.reason_required"));
    }

    public bool ConfirmPickUp(long courierId, string actor, DateTime nowUtc)
    {
        EnsureCourier(courierId);
        if (Status is PickedUp or OutForDelivery)
        {
            return false;
        }

        if (_items.FirstOrDefault(i => i.IsSerialTracked && i.ReservedSerials.Count < i.Quantity) is { } unreserved)
        {
            throw new DomainException(
                "delivery.serials_not_reserved", $"{unreserved.Name} has no reserved unit yet; ask the station to reserve one");
        }

        Record(PickedUp, actor, nowUtc, null);
        return true;
    }

    public bool StartDelivery(long courierId, string actor, DateTime nowUtc)
    {
        EnsureCourier(courierId);
        if (Status == OutForDelivery)
        {
            return false;
        }

        EnsureStatus("go out for delivery (confirm the pick-up first)", PickedUp);
        Record(OutForDelivery, actor, nowUtc, null);
        return true;
    }

    /// <summary>
    /// Compares the presented document with the one on file for the order's customer. With none on file a valid
    /// resident ID card is accepted and recorded for the customer.
    /// </summary>
    public bool CheckIdentity(long courierId, IdDocumentType type, string presented, string? onFile, DateTime nowUtc)
    {
        EnsureCourier(courierId);
        EnsureStatus("check the customer's ID", OutForDelivery);
        var number = (presented ?? string.Empty).Trim().ToUpperInvariant();
        ResidentId? residentId = null;
        if (type == IdDocumentType.ResidentIdCard)
        {
            if (!ResidentId.TryParse(number, out residentId, out var error))
            {
                throw new DomainException("delivery.id_invalid", error);
            }
        }
        else if (number.Length is < 5 or > 20)
        {
            throw new DomainException("delivery.id_invalid", "The document number must be 5 to 20 characters");
        }

        if (onFile is not null && !string.Equals(onFile.Trim(), number, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("delivery.id_mismatch", "The ID does not match the customer on the order; do not hand over the goods");
        }

        if (onFile is null && residentId is null)
        {
            throw new DomainException("delivery.id_invalid", "No ID is on file for this customer; check a resident ID card");
        }

        var last4 = number[^4..];
        if (IdCheckedType == type && IdCheckedLast4 == last4)
        {
            return false;
        }

        IdCheckedType = type;
        IdCheckedLast4 = last4;
        Version++;
        Raise(new DeliveryIdentityChecked(OrderNumber, onFile is null ? residentId : null, nowUtc));
        return true;
    }

    /// <summary>
    /// Records an IMEI / ICCID handed over. A unit not reserved for this order is refused, unless the inventory
    /// says it is a free unit of the same model, in which case the swap is recorded and the reservation moves.
    /// </summary>
    public bool RecordSerial(long courierId, string sku, string serial, bool sameModelUnitAvailable, DateTime nowUtc)
    {
        EnsureCourier(courierId);
        EnsureStatus("record serials", PickedUp, OutForDelivery);
        var item = _items.FirstOrDefault(i => string.Equals(i.Sku, sku, StringComparison.OrdinalIgnoreCase) && i.IsSerialTracked)
            ?? throw new DomainException("delivery.unknown_item", $"Nothing with a serial number on this delivery is {sku}");
        var trimmed = (serial ?? string.Empty).Trim();
        if (item.HasHandedOver(trimmed))
        {
            return false;
        }

        if (_items.Any(i => i.HasHandedOver(trimmed)))
        {
            throw new DomainException("delivery.duplicate_serial", $"{trimmed} is already recorded on this delivery");
        }

        var replaced = item.HandOver(trimmed, sameModelUnitAvailable);
        Version++;
        if (replaced is not null)
        {
            Raise(new DeliverySerialSwapped(OrderNumber, item.Sku, replaced, trimmed, nowUtc));
        }

        return true;
    }

    /// <summary>The money due was taken (cash tendered may exceed it: the courier gives change).</summary>
    public bool RecordPaymentCollected(long courierId, Money tendered)
    {
        EnsureCourier(courierId);
        EnsureStatus("collect payment", OutForDelivery);
        if (Collection == CollectionMethod.None)
        {
            throw new DomainException("delivery.nothing_to_collect", "This order is prepaid; collect nothing");
        }

        if (tendered < AmountToCollect)
        {
            throw new DomainException("delivery.wrong_amount", $"Collect at least {AmountToCollect} (entered {tendered})");
        }

        if (PaymentCollected)
        {
            return false;
        }

        PaymentCollected = true;
        Version++;
        return true;
    }

    public void CaptureSignature(long courierId, string reference)
    {
        EnsureCourier(courierId);
        EnsureStatus("capture the signature", OutForDelivery);
        SignatureReference = Require.Text(reference, "Signature", 200, "delivery.signature_required");
        Version++;
    }

    /// <summary>The courier completes the stop once every check is done.</summary>
    public bool Deliver(long courierId, string? receivedBy, string actor, DateTime nowUtc)
    {
        EnsureCourier(courierId);
        if (Status == Delivered)
        {
            return false;
        }

        EnsureStatus("be delivered", OutForDelivery);
        if (_items.FirstOrDefault(i => !i.IsComplete) is { } incomplete)
        {
            throw new DomainException(
                "delivery.serials_missing", $"Scan or type all {incomplete.Quantity} serial(s) of {incomplete.Name} ({incomplete.HandedOverSerials.Count} recorded)");
        }

        if (RequiresIdCheck && IdCheckedLast4 is null)
        {
            throw new DomainException("delivery.id_check_required", "Check the customer's ID before handing over a SIM card");
        }

        if (Collection != CollectionMethod.None && !PaymentCollected)
        {
            throw new DomainException("delivery.payment_not_collected", $"Collect {AmountToCollect} first");
        }

        if (SignatureReference is null)
        {
            throw new DomainException("delivery.signature_required", "Capture the customer's signature first");
        }

        CompleteHandOver(Require.OptionalText(receivedBy, "Received by", 50, "delivery.invalid") ?? RecipientName, actor, nowUtc);
        return true;
    }

    public bool RecordFailedAttempt(long courierId, FailureReason reason, string? note, string actor, DateTime nowUtc)
    {
        EnsureCourier(courierId);
        if (Status == FailedAttempt)
        {
            return false;
        }

        EnsureStatus("fail", OutForDelivery);
        var detail = reason == FailureReason.Other
            ? Require.Text(note, "What happened", 200, "delivery.reason_required")
            : Require.OptionalText(note, "Note", 200, "delivery.invalid");
        Fail(reason, detail, actor, nowUtc);
        return true;
    }

    /// <summary>A new window after a failed attempt, or at the customer's request before the parcel leaves.</summary>
    public void Reschedule(DeliveryWindow window, string actor, DateTime nowUtc, string? reason = null)
    {
        if (window.IsInPast(nowUtc))
        {
            throw new DomainException("delivery.window_in_past", $"The window {window} is in the past");
        }

        if (window == Window && Status == Rescheduled)
        {
            return;
        }

        EnsureCanMoveTo(Rescheduled);
        Window = window;
        CourierId = null;
        Record(Rescheduled, actor, nowUtc, Require.OptionalText(reason, "Reason", 200, "delivery.invalid") ?? $"New window {window}");
        Raise(new DeliveryRescheduled(TrackingCode.Value, OrderNumber, window, nowUtc));
    }

    public void Return(string actor, DateTime nowUtc, string? reason = null)
    {
        if (Status == Returned)
        {
            return;
        }

        Record(Returned, actor, nowUtc, Require.OptionalText(reason, "Reason", 200, "delivery.invalid"));
    }

    /// <summary>The order was cancelled before the parcel left the station.</summary>
    public void Cancel(string reason, string actor, DateTime nowUtc)
    {
        if (Status == Cancelled)
        {
            return;
        }

        Record(Cancelled, actor, nowUtc, Require.Text(reason, "Reason", 200, "delivery.reason_required"));
        CourierId = null;
        HoldReason = null;
        HeldUntil = null;
    }

    public bool IsWith(long courierId) => CourierId == courierId;

    private void EnsureCourier(long courierId)
    {
        if (CourierId != courierId)
        {
            throw new DomainException("delivery.not_your_stop", "This stop is not on your run");
        }
    }

    private void EnsureStatus(string action, params DeliveryStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException("delivery.invalid_transition", $"Delivery {TrackingCode} is {Status} and cannot {action}");
        }
    }

    private void EnsureCanMoveTo(DeliveryStatus to)
    {
        if (!(Transitions.TryGetValue(Status, out var targets) && targets.Contains(to)))
        {
            throw new DomainException("delivery.invalid_transition", $"Delivery {TrackingCode} cannot go from {Status} to {to}");
        }
    }

    private void Fail(FailureReason reason, string? note, string actor, DateTime nowUtc)
    {
        EnsureCanMoveTo(FailedAttempt);
        FailedAttempts++;
        LastFailureReason = reason;
        foreach (var item in _items)
        {
            item.ClearHandOver();
        }

        IdCheckedType = null;
        IdCheckedLast4 = null;
        SignatureReference = null;
        Record(FailedAttempt, actor, nowUtc, note is null ? reason.ToString() : $"{reason}: {note}");
    }

    private void CompleteHandOver(string? receivedBy, string actor, DateTime nowUtc)
    {
        ReceivedBy = receivedBy;
        Record(Delivered, actor, nowUtc, receivedBy is null ? null : $"Received by {receivedBy}");
        RaiseHandOver(false, receivedBy, nowUtc);
    }

    private void Record(DeliveryStatus to, string actor, DateTime nowUtc, string? note)
    {
        var from = _timeline.Count == 0 ? (DeliveryStatus?)null : Status;
        if (from is { } current && current != to)
        {
            EnsureCanMoveTo(to);
        }

        var entry = new DeliveryTimelineEntry(nowUtc, Require.Actor(actor), from, to, note);
        Status = to;
        Version++;
        _timeline.Add(entry);
        if (from != to)
        {
            Raise(new DeliveryStatusChanged(TrackingCode.Value, OrderNumber, from, to, entry.Actor, note, nowUtc));
        }
    }
}
