using Portal.Domain.Common;
using Portal.Domain.Inventory;

namespace Portal.Tests.Domain.Inventory;

public sealed class StockAllocationTests
{
    private static readonly StockLocation Warehouse = StockLocation.Create("WH", "Central", StockLocationKind.Warehouse, "广州市", "白云区");
    private static readonly StockLocation Tianhe = StockLocation.Create("ST-TH", "Tianhe", StockLocationKind.Station, "广州市", "天河区");
    private static readonly StockLocation Yuexiu = StockLocation.Create("ST-YX", "Yuexiu", StockLocationKind.Station, "广州市", "越秀区");

    private static StockAllocation.Candidate Stock(StockLocation location, int onHand)
    {
        var item = StockItem.Open("HS-1", 0);
        if (onHand > 0)
        {
            item.Receive(onHand);
        }

        return new StockAllocation.Candidate(item, location);
    }

    [Fact]
    public void Prefers_the_station_in_the_customers_district()
    {
        var result = StockAllocation.Allocate("HS-1", 1, [Stock(Warehouse, 10), Stock(Yuexiu, 5), Stock(Tianhe, 2)], "天河区");

        Assert.Equal(Tianhe, Assert.Single(result).Location);
    }

    [Fact]
    public void Falls_back_to_the_warehouse_before_other_stations()
    {
        var result = StockAllocation.Allocate("HS-1", 2, [Stock(Yuexiu, 5), Stock(Warehouse, 10)], "天河区");

        Assert.Equal(Warehouse, Assert.Single(result).Location);
    }

    [Fact]
    public void Splits_a_line_across_locations_when_none_holds_enough()
    {
        var result = StockAllocation.Allocate("HS-1", 4, [Stock(Tianhe, 1), Stock(Warehouse, 2), Stock(Yuexiu, 5)], "天河区");

        Assert.Equal([(Tianhe, 1), (Warehouse, 2), (Yuexiu, 1)], result.Select(a => (a.Location, a.Quantity)));
    }

    [Fact]
    public void Refuses_more_than_all_locations_hold_together_and_names_what_is_available()
    {
        var ex = Assert.Throws<DomainException>(() => StockAllocation.Allocate("HS-1", 4, [Stock(Tianhe, 1), Stock(Warehouse, 2)], "天河区"));

        Assert.Equal("stock.insufficient", ex.Code);
        Assert.Contains("Only 3 of HS-1 available", ex.Message);
    }

    [Fact]
    public void Ignores_reserved_units()
    {
        var tianhe = Stock(Tianhe, 2);
        tianhe.Item.Reserve(2);

        var result = StockAllocation.Allocate("HS-1", 1, [tianhe, Stock(Warehouse, 1)], "天河区");

        Assert.Equal(Warehouse, Assert.Single(result).Location);
    }
}
