using Portal.Domain.Common;

namespace Portal.Domain.Inventory;

/// <summary>
/// Decides where the units of an order line are reserved: the station in the customer's district first (the
/// courier is closest), then the central warehouse, then the other stations. A line may be split across
/// locations; if all of them together hold too few, nothing is reserved.
/// </summary>
public static class StockAllocation
{
    public sealed record Candidate(StockItem Item, StockLocation Location);

    public sealed record Allocation(StockItem Item, StockLocation Location, int Quantity);

    public static IReadOnlyList<Allocation> Allocate(string sku, int quantity, IEnumerable<Candidate> candidates, string? deliveryDistrict)
    {
        if (quantity <= 0)
        {
            throw new DomainException("stock.invalid_quantity", $"Quantity must be at least 1, not {quantity}");
        }

        var ordered = candidates
            .Where(c => c.Item.Sku == sku && c.Item.Available > 0)
            .OrderBy(c => Rank(c.Location, deliveryDistrict))
            .ThenByDescending(c => c.Item.Available)
            .ThenBy(c => c.Location.Code, StringComparer.Ordinal)
            .ToList();

        var total = ordered.Sum(c => c.Item.Available);
        if (total < quantity)
        {
            throw new DomainException("stock.insufficient", $"Only {total} of {sku} available; {quantity} requested");
        }

        var allocations = new List<Allocation>();
        var remaining = quantity;
        foreach (var candidate in ordered)
        {
            var take = Math.Min(remaining, candidate.Item.Available);
            allocations.Add(new Allocation(candidate.Item, candidate.Location, take));
            remaining -= take;
            if (remaining == 0)
            {
                break;
            }
        }

        return allocations;
    }

    private static int Rank(StockLocation location, string? district) => location switch
    {
        { Kind: StockLocationKind.Station } when district is not null && location.District == district => 0,
        { Kind: StockLocationKind.Warehouse } => 1,
        _ => 2,
    };
}
