using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Inventory;

/// <summary>The count of one SKU at one location. Version changes on every change so two reps cannot sell the same last unit.</summary>
public sealed class StockItem : Entity
{
    private StockItem()
    {
        Sku = null!;
    }

    public string Sku { get; private set; }

    public long LocationId { get; private set; }

    public int OnHand { get; private set; }

    public int Reserved { get; private set; }

    public int Available => OnHand - Reserved;

    public int Version { get; private set; }

    public static StockItem Open(string sku, long locationId) => new()
    {
        Sku = Require.Text(sku, "SKU", 32, "stock.invalid").ToUpperInvariant(),
        LocationId = locationId,
    };

    public void Receive(int quantity)
    {
        OnHand += Require.PositiveQuantity(quantity, "stock.invalid_quantity");
        Version++;
    }

    public void Reserve(int quantity)
    {
        Require.PositiveQuantity(quantity, "stock.invalid_quantity");
        if (quantity > Available)
        {
            throw new DomainException(
                "stock.insufficient", $"Only {Available} of {Sku} available; {quantity} requested");
        }

        Reserved += quantity;
        Version++;
    }

    public void Release(int quantity)
    {
        Require.PositiveQuantity(quantity, "stock.invalid_quantity");
        if (quantity > Reserved)
        {
            throw new DomainException(
                "stock.release_exceeds_reserved", $"Cannot release {quantity} of {Sku}; only {Reserved} reserved");
        }

        Reserved -= quantity;
        Version++;
    }

    /// <summary>Reserved units leave the location with the courier.</summary>
    public void ShipReserved(int quantity)
    {
        Require.PositiveQuantity(quantity, "stock.invalid_quantity");
        if (quantity > Reserved)
        {
            throw new DomainException(
                "stock.ship_exceeds_reserved", $"Cannot ship {quantity} of {Sku}; only {Reserved} reserved");
        }

        Reserved -= quantity;
        OnHand -= quantity;
        Version++;
    }
}
