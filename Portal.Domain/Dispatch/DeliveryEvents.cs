using Portal.Domain.Common;
using Portal.Domain.Orders;
using Portal.Domain.Shared;

namespace Portal.Domain.Dispatch;

/// <summary>Raised on every status move; keeps the order's status in step and feeds the live board and SMS.</summary>
public sealed record DeliveryStatusChanged(
    string TrackingCode,
    string OrderNumber,
    DeliveryStatus? FromStatus,
    DeliveryStatus ToStatus,
    string Actor,
    string? Note,
    DateTime OccurredAtUtc) : IDomainEvent;

public sealed record DeliveryAssigned(
    string TrackingCode, string OrderNumber, long CourierId, DeliveryChannel Channel, string Actor, string? Reason, DateTime OccurredAtUtc)
    : IDomainEvent;

/// <summary>The courier handed over another free unit of the same model: inventory moves the reservation.</summary>
public sealed record DeliverySerialSwapped(
    string OrderNumber, string Sku, string ReleasedSerial, string TakenSerial, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>The presented ID matched (or, with none on file, was recorded for) the customer. Carries the full number only in memory.</summary>
public sealed record DeliveryIdentityChecked(string OrderNumber, ResidentId? ResidentId, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>The goods reached the customer; serials are what was handed over (per SKU).</summary>
public sealed record DeliveryHandedOver(
    string TrackingCode,
    string OrderNumber,
    IReadOnlyList<HandedOverSerial> Serials,
    bool ByCourierCompany,
    Money AmountCollected,
    string? ReceivedBy,
    DateTime OccurredAtUtc) : IDomainEvent;

public sealed record HandedOverSerial(string Sku, string Serial);

public sealed record DeliveryRescheduled(string TrackingCode, string OrderNumber, DeliveryWindow Window, DateTime OccurredAtUtc)
    : IDomainEvent;
