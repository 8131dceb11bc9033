using System.Text.RegularExpressions;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Payments;
using Portal.Domain.Shared;

namespace Portal.Domain.Orders;

/// <summary>A customer's order, from capture to completion, in one of the order flows.</summary>
public sealed partial class Order : Entity
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderTimelineEntry> _timeline = [];

    private Order()
    {
        Number = null!;
        CustomerName = null!;
        Phone = null!;
        CreatedBy = null!;
    }

    public string Number { get; private set; }

    public OrderFlow Flow { get; private set; }

    public long CustomerId { get; private set; }

    public string CustomerName { get; private set; }

    public Msisdn Phone { get; private set; }

    public Address? DeliveryAddress { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public string? PolicyCode { get; private set; }

    public Money GoodsTotal { get; private set; }

    public Money Discount { get; private set; }

    /// <summary>Paid now on top of the goods, because of a prestore policy.</summary>
    public Money PrestoreAmount { get; private set; }

    /// <summary>Credited to the customer's account by the BSS in return for the prestore.</summary>
    public Money PrestoreCredit { get; private set; }

    public Money Total { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    public PaymentStatus PaymentStatus { get; private set; }

    public Money AmountToCollect =>
        PaymentRules.IsCollectedAtTheDoor(PaymentMethod) ? Total : Money.Zero;

    public DeliveryWindow? DeliveryWindow { get; private set; }

    public TrackingCode? TrackingCode { get; private set; }

    public string? Courier { get; private set; }

    public bool RealNameVerified { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<OrderTimelineEntry> Timeline => _timeline;

    /// <summary>Flow 1: handled at once in the BSS (plan change, add-on, contract policy); nothing is shipped.</summary>
    public static Order PlaceDirect(
        string number,
        OrderCustomer customer,
        IEnumerable<CartItem> items,
        PaymentMethod paymentMethod,
        Policy? policy,
        string actor,
        DateTime nowUtc)
    {
        if (!PaymentRules.Allows(OrderFlow.Direct, paymentMethod))
        {
            throw new DomainException(
                "order.payment_method_not_allowed", $"A direct order is billed to the account or paid online, not {paymentMethod}");
        }

        var order = Draft(number, OrderFlow.Direct, customer, items, paymentMethod, actor, nowUtc);
        if (order._lines.FirstOrDefault(l => l.RequiresShipping) is { } shipped)
        {
            throw new DomainException(
                "order.direct_cannot_ship", $"{shipped.Name} must be delivered; place a pre-order instead");
        }

        order.Price(policy, customer.Profile, nowUtc);
        order.MoveTo(OrderStatus.Submitted, actor, nowUtc, null);
        order.Raise(new OrderPlaced(order.Number, order.Flow, order.Snapshot(), nowUtc));
        return order;
    }

    /// <summary>
    /// Flow 2: goods are delivered. Billing to the account is not offered because goods only leave the
    /// warehouse against payment (online first, or cash / POS at the door).
    /// </summary>
    public static Order PlacePreOrder(
        string number,
        OrderCustomer customer,
        IEnumerable<CartItem> items,
        PaymentMethod paymentMethod,
        Address deliveryAddress,
        DeliveryWindow deliveryWindow,
        Policy? policy,
        string actor,
        DateTime nowUtc)
    {
        if (!PaymentRules.Allows(OrderFlow.PreOrderDelivery, paymentMethod))
        {
            throw new DomainException(
                "order.payment_method_not_allowed", "Delivered goods are paid online or at the door, not billed to the account");
        }

        if (deliveryWindow.IsInPast(nowUtc))
        {
            throw new DomainException("order.window_in_past", $"The delivery window {deliveryWindow} is in the past");
        }

        var order = Draft(number, OrderFlow.PreOrderDelivery, customer, items, paymentMethod, actor, nowUtc);
        if (!order._lines.Any(l => l.RequiresShipping))
        {
            throw new DomainException(
                "order.nothing_to_ship", "Nothing on this order needs delivery; handle it as a direct order");
        }

        order.DeliveryAddress = deliveryAddress;
        order.DeliveryWindow = deliveryWindow;
        order.TrackingCode = TrackingCode.New();
        order.Price(policy, customer.Profile, nowUtc);
        order.MoveTo(OrderStatus.Submitted, actor, nowUtc, null);
        order.MoveTo(
            paymentMethod == PaymentMethod.Online ? OrderStatus.AwaitingPayment : OrderStatus.ReadyForDispatch,
            actor,
            nowUtc,
            null);
        order.Raise(new OrderPlaced(order.Number, order.Flow, order.Snapshot(), nowUtc));
        return order;
    }

    /// <summary>Money is owed back: something was captured and not all of it refunded, on an order that ended unfulfilled.</summary>
    public bool RefundDue =>
        Status is OrderStatus.Cancelled or OrderStatus.Returned
        && PaymentStatus is PaymentStatus.PartiallyPaid or PaymentStatus.Paid or PaymentStatus.PartiallyRefunded;

    /// <summary>
    /// Re-derives the payment status from this order's payments (call after any of them changed). A pre-order
    /// waiting for its online payment becomes ready for dispatch once paid in full. Returns whether anything changed.
    /// </summary>
    public bool ApplyPayments(IEnumerable<Payment> payments, string actor, DateTime nowUtc)
    {
        var mine = payments.ToList();
        if (mine.FirstOrDefault(p => p.OrderNumber != Number) is { } stranger)
        {
            throw new DomainException("order.foreign_payment", $"Payment {stranger.Key} belongs to order {stranger.OrderNumber}, not {Number}");
        }

        var summary = PaymentSummary.Of(Total, mine);
        if (summary.Status == PaymentStatus)
        {
            return false;
        }

        var previous = PaymentStatus;
        PaymentStatus = summary.Status;
        Raise(new OrderPaymentStatusChanged(Number, previous, PaymentStatus, summary.Captured, summary.Refunded, nowUtc));
        var note = $"Payment {PaymentStatus}: {summary.Captured} captured, {summary.Refunded} refunded";
        if (PaymentStatus == PaymentStatus.Paid && Status == OrderStatus.AwaitingPayment)
        {
            MoveTo(OrderStatus.ReadyForDispatch, actor, nowUtc, note);
        }
        else
        {
            Record(Status, actor, nowUtc, note);
        }

        return true;
    }

    public void MarkProvisioned(string actor, DateTime nowUtc)
    {
        RequireFlow(OrderFlow.Direct, "provisioned in the BSS");
        if (PaymentMethod == PaymentMethod.Online && PaymentStatus != PaymentStatus.Paid)
        {
            throw new DomainException(
                "order.payment_outstanding", $"Order {Number} cannot be provisioned before it is paid");
        }

        MoveTo(OrderStatus.Completed, actor, nowUtc, null);
    }

    public void MarkProvisioningFailed(string actor, DateTime nowUtc, string bssError)
    {
        RequireFlow(OrderFlow.Direct, "provisioned in the BSS");
        MoveTo(OrderStatus.ProvisioningFailed, actor, nowUtc, Require.Text(bssError, "BSS error", 500, "order.reason_required"));
    }

    /// <summary>Dispatch gave the parcel to a courier; assigning an assigned order moves it to another courier.</summary>
    public void Assign(string courier, string actor, DateTime nowUtc)
    {
        var assignee = Require.Text(courier, "Courier", 100, "order.courier_required");
        if (Status == OrderStatus.Assigned)
        {
            Record(Status, actor, nowUtc, $"Moved to {assignee}");
        }
        else
        {
            MoveTo(OrderStatus.Assigned, actor, nowUtc, $"Assigned to {assignee}");
        }

        Courier = assignee;
    }

    /// <summary>Dispatch took the parcel off the courier's run; it waits for a courier again.</summary>
    public void Unassign(string actor, DateTime nowUtc, string reason)
    {
        RequireStatus(OrderStatus.Assigned, "unassigned");
        MoveTo(OrderStatus.ReadyForDispatch, actor, nowUtc, Require.Text(reason, "Reason", 500, "order.reason_required"));
        Courier = null;
    }

    /// <summary>The customer chose another window before the parcel left the station.</summary>
    public void ChangeWindowBeforeDispatch(DeliveryWindow newWindow, string actor, DateTime nowUtc)
    {
        if (Status is not (OrderStatus.ReadyForDispatch or OrderStatus.Assigned or OrderStatus.Rescheduled))
        {
            throw new DomainException("order.invalid_transition", $"Order {Number} is {Status}; its window can no longer change");
        }

        if (newWindow.IsInPast(nowUtc))
        {
            throw new DomainException("order.window_in_past", $"The delivery window {newWindow} is in the past");
        }

        DeliveryWindow = newWindow;
        Courier = null;
        if (Status == OrderStatus.Assigned)
        {
            MoveTo(OrderStatus.ReadyForDispatch, actor, nowUtc, $"New window {newWindow}");
        }
        else
        {
            Record(Status, actor, nowUtc, $"New window {newWindow}");
        }
    }

    public void StartDelivery(string actor, DateTime nowUtc) => MoveTo(OrderStatus.OutForDelivery, actor, nowUtc, null);

    /// <summary>The courier records each IMEI / ICCID handed over.</summary>
    public void RecordSerial(string sku, string serial)
    {
        if (Status is not (OrderStatus.Assigned or OrderStatus.OutForDelivery))
        {
            throw new DomainException(
                "order.serials_closed", $"Serials are recorded while the order is with the courier, not when it is {Status}");
        }

        var line = _lines.FirstOrDefault(l => string.Equals(l.Sku, sku, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException("order.unknown_line", $"Order {Number} has no line for {sku}");
        line.AddSerial((serial ?? string.Empty).Trim());
        Version++;
    }

    /// <summary>Real-name registration makes an ID check mandatory when a SIM card is handed over.</summary>
    /// <summary>Replaces the customer's name, number and street line; amounts, lines and references stay as they were.</summary>
    public void AnonymiseCustomer(Msisdn anonymous)
    {
        CustomerName = Anonymous.Text;
        Phone = anonymous;
        DeliveryAddress = DeliveryAddress?.Anonymised();
    }

    public void MarkDelivered(string actor, DateTime nowUtc, ResidentId? verifiedIdNumber)
    {
        EnsureCanMoveTo(OrderStatus.Delivered);

        if (_lines.FirstOrDefault(l => l.IsSerialTracked && l.Serials.Count < l.Quantity) is { } incomplete)
        {
            throw new DomainException(
                "order.serials_missing",
                $"Record all {incomplete.Quantity} serial(s) for {incomplete.Sku} before delivery ({incomplete.Serials.Count} recorded)");
        }

        var hasSim = _lines.Any(l => l.Kind == ProductKind.Sim);
        if (hasSim && verifiedIdNumber is null)
        {
            throw new DomainException("order.real_name_required", "Check the customer's ID card before handing over a SIM card");
        }

        // Goods leave the courier only against payment: cash and POS are collected before the handover.
        // A free order (a SIM card at no charge) has nothing to collect and is never "paid".
        if (PaymentStatus != PaymentStatus.Paid && Total > Money.Zero)
        {
            throw new DomainException("order.payment_outstanding", $"Collect the payment for order {Number} before handing over the goods (payment is {PaymentStatus})");
        }

        RealNameVerified = verifiedIdNumber is not null;
        MoveTo(OrderStatus.Delivered, actor, nowUtc, null);
        Raise(new OrderDelivered(Number, CustomerId, Snapshot(), verifiedIdNumber, nowUtc));
    }

    public void Complete(string actor, DateTime nowUtc)
    {
        RequireFlow(OrderFlow.PreOrderDelivery, "completed after delivery");
        MoveTo(OrderStatus.Completed, actor, nowUtc, null);
    }

    public void RecordFailedAttempt(string reason, string actor, DateTime nowUtc) =>
        MoveTo(OrderStatus.FailedAttempt, actor, nowUtc, Require.Text(reason, "Reason", 500, "order.reason_required"));

    public void Reschedule(DeliveryWindow newWindow, string actor, DateTime nowUtc, string? reason = null)
    {
        EnsureCanMoveTo(OrderStatus.Rescheduled);
        if (newWindow.IsInPast(nowUtc))
        {
            throw new DomainException("order.window_in_past", $"The delivery window {newWindow} is in the past");
        }

        MoveTo(OrderStatus.Rescheduled, actor, nowUtc, reason ?? $"New window {newWindow}");
        DeliveryWindow = newWindow;
        Courier = null;
    }

    public void Return(string actor, DateTime nowUtc, string? reason = null)
    {
        MoveTo(OrderStatus.Returned, actor, nowUtc, reason);
        Raise(new OrderReturned(Number, Snapshot(), RefundDue, nowUtc));
    }

    public void Cancel(string reason, string actor, DateTime nowUtc)
    {
        var why = Require.Text(reason, "Cancellation reason", 500, "order.reason_required");
        MoveTo(OrderStatus.Cancelled, actor, nowUtc, why);
        Raise(new OrderCancelled(Number, Snapshot(), RefundDue, why, nowUtc));
    }

    private static Order Draft(
        string number,
        OrderFlow flow,
        OrderCustomer customer,
        IEnumerable<CartItem> items,
        PaymentMethod paymentMethod,
        string actor,
        DateTime nowUtc)
    {
        var normalisedNumber = (number ?? string.Empty).Trim();
        if (!NumberPattern().IsMatch(normalisedNumber))
        {
            throw new DomainException("order.invalid_number", $"'{number}' is not an order number (SO + 12 letters/digits)");
        }

        var order = new Order
        {
            Number = normalisedNumber,
            Flow = flow,
            CustomerId = customer.Id,
            CustomerName = Require.Text(customer.Name, "Customer name", 50, "order.invalid"),
            Phone = customer.Phone,
            PaymentMethod = paymentMethod,
            CreatedAtUtc = nowUtc,
            CreatedBy = Require.Actor(actor),
        };

        foreach (var item in items)
        {
            if (order._lines.Any(l => l.Sku == item.Product.Sku))
            {
                throw new DomainException("order.duplicate_line", $"{item.Product.Sku} appears twice; change its quantity instead");
            }

            order._lines.Add(OrderLine.From(item));
        }

        if (order._lines.Count == 0)
        {
            throw new DomainException("order.empty", "An order needs at least one line");
        }

        order.Record(null, actor, nowUtc, null);
        return order;
    }

    private void Price(Policy? policy, CustomerProfile profile, DateTime nowUtc)
    {
        if (policy is not null)
        {
            var eligibility = policy.CheckEligibility(profile, nowUtc);
            if (!eligibility.IsEligible)
            {
                throw new DomainException("policy.ineligible", $"{policy.Name}: {eligibility.Why}");
            }

            PolicyCode = policy.Code;
        }

        var price = OrderPrice.Of(_lines.Aggregate(Money.Zero, (sum, line) => sum + line.LineTotal), policy?.Effect, PaymentMethod);
        (GoodsTotal, Discount, PrestoreAmount, PrestoreCredit, Total) = (price.GoodsTotal, price.Discount, price.Prestore, price.Credit, price.Total);
    }

    private void RequireStatus(OrderStatus status, string action)
    {
        if (Status != status)
        {
            throw new DomainException("order.invalid_transition", $"Order {Number} is {Status} and cannot be {action}");
        }
    }

    private void RequireFlow(OrderFlow flow, string action)
    {
        if (Flow != flow)
        {
            throw new DomainException(
                "order.invalid_transition", $"Order {Number} is a {Flow} order and cannot be {action}");
        }
    }

    private void MoveTo(OrderStatus to, string actor, DateTime nowUtc, string? reason)
    {
        EnsureCanMoveTo(to);
        Record(to, actor, nowUtc, reason);
    }

    private void EnsureCanMoveTo(OrderStatus to)
    {
        if (!OrderTransitions.IsAllowed(Flow, Status, to))
        {
            throw new DomainException("order.invalid_transition", $"Order {Number} cannot go from {Status} to {to}");
        }
    }

    /// <summary>
    /// Appends to the timeline; a null target means the order was just created as a draft. Payment-only
    /// entries keep the status, so they are audited without announcing a status change.
    /// </summary>
    private void Record(OrderStatus? to, string actor, DateTime nowUtc, string? reason)
    {
        var entry = new OrderTimelineEntry(
            nowUtc,
            Require.Actor(actor),
            to is null ? null : Status,
            to ?? OrderStatus.Draft,
            Require.OptionalText(reason, "Reason", 500, "order.invalid"));
        Status = entry.ToStatus;
        Version++;
        _timeline.Add(entry);
        if (entry.FromStatus != entry.ToStatus)
        {
            Raise(new OrderStatusChanged(Number, entry.FromStatus, entry.ToStatus, entry.Actor, entry.Reason, nowUtc));
        }
    }

    private OrderLineSnapshot[] Snapshot() => [.. _lines.Select(l => l.ToSnapshot())];

    [GeneratedRegex("^SO[A-Z0-9]{12}$")]
    private static partial Regex NumberPattern();
}
