using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Orders;

public sealed record OrderPlaced(
    string OrderNumber, OrderFlow Flow, IReadOnlyList<OrderLineSnapshot> Lines, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record OrderStatusChanged(
    string OrderNumber, OrderStatus? FromStatus, OrderStatus ToStatus, string Actor, string? Reason, DateTime OccurredAtUtc)
    : IDomainEvent;

public sealed record OrderPaymentStatusChanged(
    string OrderNumber, PaymentStatus From, PaymentStatus To, Money Captured, Money Refunded, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>Carries the lines so reserved stock can be released; RefundDue says money must go back.</summary>
public sealed record OrderCancelled(
    string OrderNumber, IReadOnlyList<OrderLineSnapshot> Lines, bool RefundDue, string Reason, DateTime OccurredAtUtc)
    : IDomainEvent;

/// <summary>The goods came back after a failed delivery and go back into stock.</summary>
public sealed record OrderReturned(
    string OrderNumber, IReadOnlyList<OrderLineSnapshot> Lines, bool RefundDue, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>The courier handed the goods over (always after the order was paid).</summary>
public sealed record OrderDelivered(
    string OrderNumber,
    long CustomerId,
    IReadOnlyList<OrderLineSnapshot> Lines,
    ResidentId? VerifiedIdNumber,
    DateTime OccurredAtUtc) : IDomainEvent;
