using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Payments;

/// <summary>
/// One attempt to take money for an order (a customer may fail online and then pay cash at the door: two
/// payments). Kept apart from the order's fulfilment; the order derives its payment status from these.
/// </summary>
public sealed class Payment : Entity
{
    private readonly List<PaymentRefund> _refunds = [];

    private Payment()
    {
        OrderNumber = null!;
        CreatedBy = null!;
    }

    /// <summary>Our own id: sent to Stripe in metadata and the root of every idempotency key.</summary>
    public Guid Key { get; private set; }

    public string OrderNumber { get; private set; }

    public PaymentChannel Channel { get; private set; }

    /// <summary>What this attempt asks for; once succeeded, what was captured.</summary>
    public Money Amount { get; private set; }

    public PaymentAttemptStatus Status { get; private set; }

    /// <summary>The PaymentIntent id for Online and Terminal, the slip reference for a bank POS.</summary>
    public string? Reference { get; private set; }

    /// <summary>The bank POS terminal id, or the Stripe Terminal reader id.</summary>
    public string? TerminalId { get; private set; }

    /// <summary>Cash handed over by the customer (cash only).</summary>
    public Money Tendered { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>Set when the provider reported another amount or currency: recorded for finance, not accepted.</summary>
    public string? Discrepancy { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string? SettledBy { get; private set; }

    public DateTime? SettledAtUtc { get; private set; }

    /// <summary>When the payment link for this attempt stops working (online only).</summary>
    public DateTime? LinkExpiresAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<PaymentRefund> Refunds => _refunds;

    public bool LinkIsOpen(DateTime nowUtc) => Status == PaymentAttemptStatus.Pending && LinkExpiresAtUtc > nowUtc;

    public Money Change => Channel == PaymentChannel.Cash ? Tendered - Amount : Money.Zero;

    public bool IsCaptured => Status is PaymentAttemptStatus.Succeeded or PaymentAttemptStatus.PartiallyRefunded or PaymentAttemptStatus.Refunded;

    public Money Captured => IsCaptured ? Amount : Money.Zero;

    public Money Refunded => Sum(_refunds.Where(r => r.Status == RefundStatus.Succeeded));

    /// <summary>What can still be asked back: refunds in flight already hold their share.</summary>
    public Money Refundable => Captured - Sum(_refunds.Where(r => r.HoldsAmount));

    /// <summary>An online attempt, usually behind a payment link that stops working at <paramref name="linkExpiresAtUtc"/>.</summary>
    public static Payment StartOnline(Guid key, string orderNumber, Money amount, string actor, DateTime nowUtc, DateTime? linkExpiresAtUtc = null)
    {
        if (linkExpiresAtUtc <= nowUtc)
        {
            throw new DomainException("payment.link_expired", $"A payment link must expire after it is sent ({linkExpiresAtUtc:u})");
        }

        var payment = Start(key, orderNumber, PaymentChannel.Online, amount, null, actor, nowUtc);
        payment.LinkExpiresAtUtc = linkExpiresAtUtc;
        return payment;
    }

    public static Payment StartTerminal(Guid key, string orderNumber, Money amount, string readerId, string actor, DateTime nowUtc) =>
        Start(key, orderNumber, PaymentChannel.Terminal, amount, Require.Text(readerId, "Reader", 64, "payment.reader_required"), actor, nowUtc);

    /// <summary>The courier took cash at the door; the change is what goes back to the customer.</summary>
    public static Payment CollectCash(Guid key, string orderNumber, Money amountDue, Money tendered, string actor, DateTime nowUtc)
    {
        if (tendered < amountDue)
        {
            throw new DomainException("payment.tendered_short", $"{tendered} tendered does not cover {amountDue} due");
        }

        var payment = Start(key, orderNumber, PaymentChannel.Cash, amountDue, null, actor, nowUtc);
        payment.Tendered = tendered;
        payment.Capture(actor, nowUtc);
        return payment;
    }

    /// <summary>A standalone bank POS printed a slip; its reference must never be used twice (checked where slips are stored).</summary>
    public static Payment RecordPosSlip(
        Guid key, string orderNumber, Money amount, string slipReference, string terminalId, string actor, DateTime nowUtc)
    {
        var payment = Start(key, orderNumber, PaymentChannel.Pos, amount, Require.Text(terminalId, "Terminal id", 64, "payment.terminal_required"), actor, nowUtc);
        payment.Reference = Require.Text(slipReference, "Slip reference", 64, "payment.slip_required");
        payment.Capture(actor, nowUtc);
        return payment;
    }

    /// <summary>The provider's intent is created: from now on events about it find this payment.</summary>
    public void AttachProviderReference(string reference)
    {
        var value = Require.Text(reference, "Provider reference", 64, "payment.reference_required");
        if (Reference is not null && Reference != value)
        {
            throw new DomainException("payment.reference_mismatch", $"Payment {Key} already belongs to {Reference}, not {value}");
        }

        RequireProvider();
        Reference = value;
        Version++;
    }

    /// <summary>
    /// The provider captured the money. A failed attempt can still succeed (the customer retried the same
    /// intent with another method), and the provider is authoritative about money taken. Returns false, and
    /// flags the payment, when amount or currency differ from what was asked.
    /// </summary>
    public bool ConfirmCapture(long receivedMinorUnits, string currency, string actor, DateTime nowUtc)
    {
        RequireProvider();
        if (Status is not (PaymentAttemptStatus.Pending or PaymentAttemptStatus.Failed))
        {
            throw new DomainException("payment.invalid_transition", $"Payment {Key} cannot succeed when it is {Status}");
        }

        if (!string.Equals(currency, "cny", StringComparison.OrdinalIgnoreCase) || receivedMinorUnits != Amount.ToMinorUnits())
        {
            Discrepancy = $"Expected {Amount.ToMinorUnits()} cny, received {receivedMinorUnits} {currency}";
            Version++;
            Raise(new PaymentDiscrepancyFlagged(Key, OrderNumber, Amount, receivedMinorUnits, currency, nowUtc));
            return false;
        }

        FailureReason = null;
        Capture(actor, nowUtc);
        return true;
    }

    public void Fail(string reason, DateTime nowUtc)
    {
        RequireStatus(PaymentAttemptStatus.Pending, "fail");
        Status = PaymentAttemptStatus.Failed;
        FailureReason = Require.Text(reason, "Failure reason", 500, "payment.reason_required");
        Version++;
        Raise(new PaymentFailed(Key, OrderNumber, FailureReason, nowUtc));
    }

    public void Cancel(string reason, string actor, DateTime nowUtc)
    {
        if (Status is not (PaymentAttemptStatus.Pending or PaymentAttemptStatus.Failed))
        {
            throw new DomainException("payment.invalid_transition", $"Payment {Key} cannot be cancelled when it is {Status}");
        }

        Status = PaymentAttemptStatus.Cancelled;
        FailureReason = Require.Text(reason, "Cancellation reason", 500, "payment.reason_required");
        SettledBy = Require.Actor(actor);
        SettledAtUtc = nowUtc;
        Version++;
        Raise(new PaymentCancelled(Key, OrderNumber, FailureReason, nowUtc));
    }

    /// <summary>Starts a refund; above the policy's limit it waits for a second person.</summary>
    public PaymentRefund RequestRefund(Guid refundKey, Money amount, string reason, RefundPolicy policy, string actor, DateTime nowUtc)
    {
        if (!IsCaptured)
        {
            throw new DomainException("payment.not_captured", $"Payment {Key} has captured nothing to refund (it is {Status})");
        }

        if (amount <= Money.Zero)
        {
            throw new DomainException("refund.invalid_amount", $"A refund must be more than {Money.Zero}");
        }

        if (amount > Refundable)
        {
            throw new DomainException(
                "refund.exceeds_capture", $"{amount} is more than the {Refundable} left of {Captured} captured on payment {Key}");
        }

        if (_refunds.Any(r => r.Key == refundKey))
        {
            throw new DomainException("refund.duplicate", $"Refund {refundKey} was already requested");
        }

        var needsApproval = policy.NeedsSecondApproval(amount);
        var refund = new PaymentRefund(
            refundKey,
            amount,
            Require.Text(reason, "Refund reason", 500, "refund.reason_required"),
            needsApproval ? RefundStatus.AwaitingApproval : RefundStatus.Requested,
            Require.Actor(actor),
            nowUtc);
        _refunds.Add(refund);
        Version++;
        Raise(new RefundRequested(Key, refundKey, OrderNumber, Channel, amount, needsApproval, nowUtc));
        return refund;
    }

    public void ApproveRefund(Guid refundKey, string approver, DateTime nowUtc)
    {
        var refund = FindRefund(refundKey, RefundStatus.AwaitingApproval, "approved");
        var who = Require.Actor(approver);
        if (string.Equals(who, refund.RequestedBy, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("refund.same_approver", $"{who} requested this refund; a second person must approve it");
        }

        refund.Approve(who, nowUtc);
        Version++;
        Raise(new RefundApproved(Key, refundKey, OrderNumber, refund.Amount, who, nowUtc));
    }

    public void AttachRefundReference(Guid refundKey, string reference)
    {
        var refund = FindRefund(refundKey, RefundStatus.Requested, "sent");
        refund.AttachReference(Require.Text(reference, "Refund reference", 64, "refund.reference_required"));
        Version++;
    }

    /// <summary>The money went back (provider confirmed, or the cashier paid it out).</summary>
    public void CompleteRefund(Guid refundKey, string? reference, DateTime nowUtc)
    {
        var refund = FindRefund(refundKey, RefundStatus.Requested, "completed");
        refund.Succeed(Require.OptionalText(reference, "Refund reference", 64, "refund.reference_required"), nowUtc);
        Status = Refunded == Captured ? PaymentAttemptStatus.Refunded : PaymentAttemptStatus.PartiallyRefunded;
        Version++;
        Raise(new RefundSucceeded(Key, refundKey, OrderNumber, Channel, refund.Amount, refund.Reference, nowUtc));
    }

    public void FailRefund(Guid refundKey, string reason, DateTime nowUtc)
    {
        var refund = FindRefund(refundKey, RefundStatus.Requested, "failed");
        refund.Fail(Require.Text(reason, "Failure reason", 500, "refund.reason_required"), nowUtc);
        Version++;
        Raise(new RefundFailed(Key, refundKey, OrderNumber, refund.Amount, refund.FailureReason!, nowUtc));
    }

    /// <summary>A refund made at the provider without us asking (e.g. from its dashboard), reported by webhook.</summary>
    public PaymentRefund RecordProviderRefund(Guid refundKey, string providerRefundId, Money amount, string actor, DateTime nowUtc)
    {
        RequireProvider();
        if (_refunds.Any(r => r.Reference == providerRefundId))
        {
            throw new DomainException("refund.duplicate", $"Refund {providerRefundId} is already recorded");
        }

        var refund = RequestRefund(refundKey, amount, "Refunded at the provider", new RefundPolicy(amount), actor, nowUtc);
        CompleteRefund(refundKey, providerRefundId, nowUtc);
        return refund;
    }

    public PaymentRefund? FindRefundByReference(string reference) => _refunds.FirstOrDefault(r => r.Reference == reference);

    private static Payment Start(
        Guid key, string orderNumber, PaymentChannel channel, Money amount, string? terminalId, string actor, DateTime nowUtc)
    {
        if (key == Guid.Empty)
        {
            throw new DomainException("payment.key_required", "A payment needs its own id");
        }

        if (amount <= Money.Zero)
        {
            throw new DomainException("payment.invalid_amount", $"A payment must be more than {Money.Zero}");
        }

        var payment = new Payment
        {
            Key = key,
            OrderNumber = Require.Text(orderNumber, "Order number", 14, "payment.order_required"),
            Channel = channel,
            Amount = amount,
            Status = PaymentAttemptStatus.Pending,
            TerminalId = terminalId,
            CreatedBy = Require.Actor(actor),
            CreatedAtUtc = nowUtc,
        };
        payment.Raise(new PaymentStarted(key, payment.OrderNumber, channel, amount, nowUtc));
        return payment;
    }

    private void Capture(string actor, DateTime nowUtc)
    {
        Status = PaymentAttemptStatus.Succeeded;
        SettledBy = Require.Actor(actor);
        SettledAtUtc = nowUtc;
        Version++;
        Raise(new PaymentSucceeded(Key, OrderNumber, Channel, Amount, Reference, SettledBy, nowUtc));
    }

    private void RequireProvider()
    {
        if (Channel is not (PaymentChannel.Online or PaymentChannel.Terminal))
        {
            throw new DomainException("payment.not_provider", $"Payment {Key} is {Channel}; only Stripe payments are confirmed by the provider");
        }
    }

    private void RequireStatus(PaymentAttemptStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainException("payment.invalid_transition", $"Payment {Key} cannot {action} when it is {Status}");
        }
    }

    private PaymentRefund FindRefund(Guid refundKey, RefundStatus expected, string action)
    {
        var refund = _refunds.FirstOrDefault(r => r.Key == refundKey)
            ?? throw new DomainException("refund.unknown", $"Payment {Key} has no refund {refundKey}");
        if (refund.Status != expected)
        {
            throw new DomainException("refund.invalid_transition", $"Refund {refundKey} cannot be {action} when it is {refund.Status}");
        }

        return refund;
    }

    private static Money Sum(IEnumerable<PaymentRefund> refunds) => refunds.Aggregate(Money.Zero, (sum, r) => sum + r.Amount);
}
