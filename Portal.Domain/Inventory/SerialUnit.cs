using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Inventory;

public enum SerialUnitStatus
{
    Available,
    Reserved,
    Sold,

    /// <summary>Came back from a customer after sale; must be restocked (inspected) before it can be sold again.</summary>
    Returned,
}

/// <summary>One physical handset or SIM card, known by its IMEI or ICCID.</summary>
public sealed class SerialUnit : Entity
{
    private SerialUnit()
    {
        Sku = null!;
        Serial = null!;
    }

    public string Sku { get; private set; }

    public string Serial { get; private set; }

    public long LocationId { get; private set; }

    public SerialUnitStatus Status { get; private set; }

    /// <summary>The order the unit is reserved for or was sold on.</summary>
    public string? ReservedForOrder { get; private set; }

    public static SerialUnit Register(Product product, string serial, long locationId)
    {
        var trimmed = (serial ?? string.Empty).Trim();
        if (SerialNumbers.Problem(product.Kind, trimmed) is { } problem)
        {
            throw new DomainException("serial.invalid", problem);
        }

        return new SerialUnit { Sku = product.Sku, Serial = trimmed, LocationId = locationId };
    }

    public void Reserve(string orderNumber)
    {
        var order = Require.Text(orderNumber, "Order number", 32, "serial.invalid");
        Move(SerialUnitStatus.Available, SerialUnitStatus.Reserved);
        ReservedForOrder = order;
    }

    public void Release()
    {
        Move(SerialUnitStatus.Reserved, SerialUnitStatus.Available);
        ReservedForOrder = null;
    }

    public void MarkSold() => Move(SerialUnitStatus.Reserved, SerialUnitStatus.Sold);

    public void MarkReturned() => Move(SerialUnitStatus.Sold, SerialUnitStatus.Returned);

    public void Restock(long locationId)
    {
        Move(SerialUnitStatus.Returned, SerialUnitStatus.Available);
        LocationId = locationId;
        ReservedForOrder = null;
    }

    private void Move(SerialUnitStatus from, SerialUnitStatus to)
    {
        if (Status != from)
        {
            throw new DomainException(
                "serial.invalid_transition", $"{Serial} is {Status}; only a {from} unit can become {to}");
        }

        Status = to;
    }
}
