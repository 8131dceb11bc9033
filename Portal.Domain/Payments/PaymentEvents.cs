using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Payments;

public sealed record PaymentStarted(Guid PaymentKey, string OrderNumber, PaymentChannel Channel, Money Amount, DateTime OccurredAtUtc)
    : IDomainEvent;

/// <summary>The money is captured; Collector is the courier for cash, the station for a POS slip.</summary>
public sealed record PaymentSucceeded(
    Guid PaymentKey, string OrderNumber, PaymentChannel Channel, Money Amount, string? Reference, string Actor, DateTime OccurredAtUtc)
    : IDomainEvent;

public sealed record PaymentFailed(Guid PaymentKey, string OrderNumber, string Reason, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record PaymentCancelled(Guid PaymentKey, string OrderNumber, string Reason, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>The provider reported an amount or currency that is not what we asked for; finance must look.</summary>
public sealed record PaymentDiscrepancyFlagged(
    Guid PaymentKey, string OrderNumber, Money Expected, long ReceivedMinorUnits, string ReceivedCurrency, DateTime OccurredAtUtc)
    : IDomainEvent;

public sealed record RefundRequested(
    Guid PaymentKey, Guid RefundKey, string OrderNumber, PaymentChannel Channel, Money Amount, bool NeedsApproval, DateTime OccurredAtUtc)
    : IDomainEvent;

public sealed record RefundApproved(Guid PaymentKey, Guid RefundKey, string OrderNumber, Money Amount, string ApprovedBy, DateTime OccurredAtUtc)
    : IDomainEvent;

public sealed record RefundSucceeded(
    Guid PaymentKey, Guid RefundKey, string OrderNumber, PaymentChannel Channel, Money Amount, string? Reference, DateTime OccurredAtUtc)
    : IDomainEvent;

public sealed record RefundFailed(Guid PaymentKey, Guid RefundKey, string OrderNumber, Money Amount, string Reason, DateTime OccurredAtUtc)
    : IDomainEvent;
