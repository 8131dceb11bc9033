using Portal.Domain.Inventory;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Inventory;

public class StockMovementTests
{
    [Theory]
    [InlineData(StockMovementKind.Received, 3)]
    [InlineData(StockMovementKind.Released, 3)]
    [InlineData(StockMovementKind.Reserved, -3)]
    [InlineData(StockMovementKind.Shipped, -3)]
    public void The_sign_of_the_delta_follows_the_kind(StockMovementKind kind, int expectedDelta) =>
        Assert.Equal(expectedDelta, StockMovement.Record("SIM-STD", 1, kind, 3, "SO000000000001", Rep, Now).QuantityDelta);

    [Fact]
    public void Requires_a_positive_quantity_and_an_actor()
    {
        Throws(() => StockMovement.Record("SIM-STD", 1, StockMovementKind.Received, 0, "PO-1", Rep, Now), "stock.invalid_quantity");
        Throws(() => StockMovement.Record("SIM-STD", 1, StockMovementKind.Received, 1, "PO-1", " ", Now), "actor.required");
    }
}
