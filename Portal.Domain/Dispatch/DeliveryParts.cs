using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Inventory;
using Portal.Domain.Shared;

namespace Portal.Domain.Dispatch;

/// <summary>One product in the parcel with the IMEIs / ICCIDs reserved for it; the courier records what was handed over.</summary>
public sealed class DeliveryItem
{
    private readonly List<string> _reservedSerials = [];
    private readonly List<string> _handedOverSerials = [];

    private DeliveryItem()
    {
        Sku = null!;
        Name = null!;
    }

    public string Sku { get; private set; }

    public string Name { get; private set; }

    public ProductKind Kind { get; private set; }

    public int Quantity { get; private set; }

    public IReadOnlyList<string> ReservedSerials => _reservedSerials;

    public IReadOnlyList<string> HandedOverSerials => _handedOverSerials;

    public bool IsSerialTracked => Kind.IsSerialTracked();

    public bool IsComplete => !IsSerialTracked || _handedOverSerials.Count == Quantity;

    public static DeliveryItem Create(string sku, string name, ProductKind kind, int quantity, IEnumerable<string> reservedSerials)
    {
        var item = new DeliveryItem
        {
            Sku = Require.Text(sku, "SKU", 32, "delivery.invalid"),
            Name = Require.Text(name, "Name", 100, "delivery.invalid"),
            Kind = kind,
            Quantity = Require.PositiveQuantity(quantity, "delivery.invalid"),
        };
        item._reservedSerials.AddRange(reservedSerials.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct());
        return item;
    }

    internal void Reserve(IEnumerable<string> serials)
    {
        var units = serials.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (units.Count > Quantity)
        {
            throw new DomainException("delivery.too_many_serials", $"{Name} needs {Quantity} unit(s), not {units.Count}");
        }

        _reservedSerials.Clear();
        _reservedSerials.AddRange(units);
    }

    internal bool HasHandedOver(string serial) => _handedOverSerials.Contains(serial);

    /// <summary>Returns the reserved serial the unit replaced, when it was a swap; null when it was reserved itself.</summary>
    internal string? HandOver(string serial, bool sameModelUnitAvailable)
    {
        if (SerialNumbers.Problem(Kind, serial) is { } problem)
        {
            throw new DomainException("serial.invalid", problem);
        }

        if (_handedOverSerials.Count == Quantity)
        {
            throw new DomainException("delivery.too_many_serials", $"All {Quantity} serial(s) for {Name} are already recorded");
        }

        if (_reservedSerials.Contains(serial))
        {
            _handedOverSerials.Add(serial);
            return null;
        }

        if (!sameModelUnitAvailable)
        {
            throw new DomainException(
                "delivery.serial_not_reserved",
                $"{serial} is not reserved for this order; hand over {string.Join(" / ", OutstandingReserved())} or another free unit of {Name}");
        }

        var replaced = OutstandingReserved().First();
        _reservedSerials[_reservedSerials.IndexOf(replaced)] = serial;
        _handedOverSerials.Add(serial);
        return replaced;
    }

    internal void ClearHandOver() => _handedOverSerials.Clear();

    private IEnumerable<string> OutstandingReserved() => _reservedSerials.Where(s => !_handedOverSerials.Contains(s));
}

public sealed record DeliveryTimelineEntry(DateTime AtUtc, string Actor, DeliveryStatus? FromStatus, DeliveryStatus ToStatus, string? Note);

/// <summary>A status report from the courier company, kept by its event id so a replay is recognised.</summary>
public sealed record CarrierEvent(string EventId, CarrierEventType Type, DateTime AtUtc, string? Reason, string? ReceivedBy);
