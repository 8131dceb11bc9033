using Portal.Domain.Shared;

namespace Portal.Domain.Payments;

/// <summary>Money going back on one payment; part of the <see cref="Payment"/> aggregate.</summary>
public sealed class PaymentRefund
{
    private PaymentRefund()
    {
        Reason = null!;
        RequestedBy = null!;
    }

    internal PaymentRefund(Guid key, Money amount, string reason, RefundStatus status, string requestedBy, DateTime nowUtc)
    {
        Key = key;
        Amount = amount;
        Reason = reason;
        Status = status;
        RequestedBy = requestedBy;
        RequestedAtUtc = nowUtc;
    }

    public Guid Key { get; private set; }

    public Money Amount { get; private set; }

    public RefundStatus Status { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The provider's refund id (re_...) for Online and Terminal; the cashier's voucher for Cash and POS.</summary>
    public string? Reference { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>Money promised or paid back; a failed refund no longer holds any of the capture.</summary>
    public bool HoldsAmount => Status != RefundStatus.Failed;

    internal void Approve(string approver, DateTime nowUtc)
    {
        Status = RefundStatus.Requested;
        ApprovedBy = approver;
        ApprovedAtUtc = nowUtc;
    }

    internal void AttachReference(string reference) => Reference = reference;

    internal void Succeed(string? reference, DateTime nowUtc)
    {
        Status = RefundStatus.Succeeded;
        Reference = reference ?? Reference;
        CompletedAtUtc = nowUtc;
    }

    internal void Fail(string reason, DateTime nowUtc)
    {
        Status = RefundStatus.Failed;
        FailureReason = reason;
        CompletedAtUtc = nowUtc;
    }
}
