using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Errors;
using Portal.Web.Common.Security;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

public sealed class CancelOrderTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private const string Sku = "HS-HONOR-X50-128-BLK";

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Cancelling_a_pre_order_releases_its_reserved_stock_and_records_why()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var before = await Reserved(Sku);
        var order = await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone(), Sku, 2);
        Assert.Equal(before + 2, await Reserved(Sku));

        await Host.Send(new CancelOrder.Command(order.Number, "Customer found a cheaper offer"), rep);

        Assert.Equal(before, await Reserved(Sku));
        Assert.Equal(0, await Host.WithDb(db => db.SerialUnits.CountAsync(u => u.ReservedForOrder == order.Number)));
        var detail = await Host.Send(new GetOrder.Query(order.Number), rep);
        Assert.Equal("Cancelled", detail.Status);
        Assert.False(detail.CanCancel);
        var last = detail.Timeline[^1];
        Assert.Equal(("Cancelled", await Host.UserIdOf("rep@portal.local"), "客服代表 王芳", "Customer found a cheaper offer"), (last.ToStatus, last.Actor, last.ActorName, last.Reason));
    }

    [Fact]
    public async Task Cancelling_without_a_reason_is_refused_and_changes_nothing()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var order = await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone(), Sku);
        var reserved = await Reserved(Sku);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new CancelOrder.Command(order.Number, " "), rep));

        Assert.Equal(["Say why the order is cancelled."], ex.Errors["Reason"]);
        Assert.Equal("ReadyForDispatch", (await Host.Send(new GetOrder.Query(order.Number), rep)).Status);
        Assert.Equal(reserved, await Reserved(Sku));
    }

    [Fact]
    public async Task A_completed_order_cannot_be_cancelled()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var order = await OrderSlice.PlaceDirect(Host, rep, OrderSlice.NewPhone());
        await Host.DeliverOutboxAsync();
        Assert.Equal("Completed", (await Host.Send(new GetOrder.Query(order.Number), rep)).Status);
        Assert.False((await Host.Send(new GetOrder.Query(order.Number), rep)).CanCancel);

        await Assert.ThrowsAsync<DomainException>(() => Host.Send(new CancelOrder.Command(order.Number, "Too late"), rep));

        var detail = await Host.Send(new GetOrder.Query(order.Number), rep);
        Assert.Equal("Completed", detail.Status);
        Assert.DoesNotContain(detail.Timeline, e => e.ToStatus == "Cancelled");
    }

    [Fact]
    public async Task A_courier_cannot_cancel_an_order()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var courier = await Host.PrincipalFor("courier@portal.local");
        var order = await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone());

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new CancelOrder.Command(order.Number, "Not mine to cancel"), courier));

        Assert.Equal("ReadyForDispatch", (await Host.Send(new GetOrder.Query(order.Number), rep)).Status);
    }

    [Fact]
    public async Task Cancelling_an_order_someone_changed_since_it_was_read_is_refused_as_a_conflict_and_changes_nothing()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var order = await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone(), Sku);
        var seen = await Host.Send(new GetOrder.Query(order.Number), rep);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Host.Send(new CancelOrder.Command(order.Number, "Customer changed their mind", seen.Version - 1), rep));

        Assert.Equal("concurrency", ex.Code);
        Assert.Contains($"Order {order.Number} was changed by someone else", ex.Message);
        Assert.Equal("ReadyForDispatch", (await Host.Send(new GetOrder.Query(order.Number), rep)).Status);
        await Host.Send(new CancelOrder.Command(order.Number, "Customer changed their mind", seen.Version), rep);
        Assert.Equal("Cancelled", (await Host.Send(new GetOrder.Query(order.Number), rep)).Status);
    }

    private Task<int> Reserved(string sku) => Host.WithDb(db => db.StockItems.Where(s => s.Sku == sku).SumAsync(s => s.Reserved));
}
