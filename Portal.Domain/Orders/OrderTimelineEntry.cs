namespace Portal.Domain.Orders;

/// <summary>Who moved the order from which status to which, when and why.</summary>
public sealed record OrderTimelineEntry(DateTime AtUtc, string Actor, OrderStatus? FromStatus, OrderStatus ToStatus, string? Reason);
