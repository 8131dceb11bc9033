using Portal.Domain.Inventory;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Inventory;

public class StockItemTests
{
    private static StockItem WithOnHand(int onHand)
    {
        var item = StockItem.Open("hs-x1-128", 1);
        item.Receive(onHand);
        return item;
    }

    [Fact]
    public void Reserving_reduces_available_but_not_on_hand()
    {
        var item = WithOnHand(5);
        item.Reserve(2);

        Assert.Equal((5, 2, 3), (item.OnHand, item.Reserved, item.Available));
    }

    [Fact]
    public void Cannot_reserve_more_than_available_and_says_how_many_are()
    {
        var item = WithOnHand(3);
        item.Reserve(2);

        var ex = Throws(() => item.Reserve(2), "stock.insufficient");
        Assert.Equal("Only 1 of HS-X1-128 available; 2 requested", ex.Message);
        Assert.Equal(2, item.Reserved);
    }

    [Fact]
    public void Two_sales_of_the_last_unit_cannot_both_reserve_it()
    {
        var item = WithOnHand(1);
        item.Reserve(1);
        Throws(() => item.Reserve(1), "stock.insufficient");
    }

    [Fact]
    public void Cannot_release_more_than_reserved()
    {
        var item = WithOnHand(5);
        item.Reserve(2);

        Throws(() => item.Release(3), "stock.release_exceeds_reserved");
        item.Release(2);
        Assert.Equal(5, item.Available);
    }

    [Fact]
    public void Shipping_reserved_units_takes_them_off_hand()
    {
        var item = WithOnHand(5);
        item.Reserve(2);
        item.ShipReserved(2);

        Assert.Equal((3, 0, 3), (item.OnHand, item.Reserved, item.Available));
        Throws(() => item.ShipReserved(1), "stock.ship_exceeds_reserved");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Quantities_must_be_positive(int quantity)
    {
        var item = WithOnHand(5);
        Throws(() => item.Receive(quantity), "stock.invalid_quantity");
        Throws(() => item.Reserve(quantity), "stock.invalid_quantity");
    }

    [Fact]
    public void Every_change_bumps_the_version_so_concurrent_writers_conflict()
    {
        var item = StockItem.Open("SIM-STD", 1);
        item.Receive(5);
        item.Reserve(2);
        item.Release(1);
        item.ShipReserved(1);

        Assert.Equal(4, item.Version);
    }
}
