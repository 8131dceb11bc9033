using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Inventory;

public enum StockMovementKind
{
    Received,
    Reserved,
    Released,
    Shipped,
}

/// <summary>An immutable record of one change to a stock count, for the audit trail.</summary>
public sealed class StockMovement : Entity
{
    private StockMovement()
    {
        Sku = null!;
        Reference = null!;
        Actor = null!;
    }

    public string Sku { get; private set; }

    public long LocationId { get; private set; }

    /// <summary>
    /// Signed change to the count the kind affects: on hand for Received (+) and Shipped (−),
    /// available for Reserved (−) and Released (+).
    /// </summary>
    public int QuantityDelta { get; private set; }

    public StockMovementKind Kind { get; private set; }

    public string Reference { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string Actor { get; private set; }

    public static StockMovement Record(
        string sku, long locationId, StockMovementKind kind, int quantity, string reference, string actor, DateTime atUtc)
    {
        Require.PositiveQuantity(quantity, "stock.invalid_quantity");
        return new StockMovement
        {
            Sku = Require.Text(sku, "SKU", 32, "stock.invalid").ToUpperInvariant(),
            LocationId = locationId,
            Kind = kind,
            QuantityDelta = kind is StockMovementKind.Received or StockMovementKind.Released ? quantity : -quantity,
            Reference = Require.Text(reference, "Reference", 64, "stock.invalid"),
            Actor = Require.Actor(actor),
            AtUtc = atUtc,
        };
    }
}
