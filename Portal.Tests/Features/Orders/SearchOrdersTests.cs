using Portal.Domain.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

public sealed class SearchOrdersTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Searching_by_phone_finds_only_that_customers_orders_newest_first()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var phone = OrderSlice.NewPhone();
        var first = await OrderSlice.PlacePreOrder(Host, rep, phone);
        var second = await OrderSlice.PlaceDirect(Host, rep, phone);
        await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone());

        var rows = await Host.Send(new SearchOrders.Query(Phone: phone), rep);

        Assert.Equal([second.Number, first.Number], rows.Select(r => r.Number));
        Assert.All(rows, r => Assert.Equal($"{phone[..3]}****{phone[7..]}", r.PhoneMasked));
    }

    [Fact]
    public async Task Searching_by_status_leaves_out_orders_in_other_states()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var phone = OrderSlice.NewPhone();
        var kept = await OrderSlice.PlacePreOrder(Host, rep, phone);
        var cancelled = await OrderSlice.PlacePreOrder(Host, rep, phone);
        await Host.Send(new CancelOrder.Command(cancelled.Number, "Customer changed their mind"), rep);

        var rows = await Host.Send(new SearchOrders.Query(Phone: phone, Status: OrderStatus.Cancelled), rep);

        var row = Assert.Single(rows);
        Assert.Equal(cancelled.Number, row.Number);
        Assert.Equal("Cancelled", row.Status);
        Assert.DoesNotContain(rows, r => r.Number == kept.Number);
    }

    [Fact]
    public async Task A_malformed_phone_finds_nothing_instead_of_failing()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone());

        Assert.Empty(await Host.Send(new SearchOrders.Query(Phone: "12345"), rep));
    }

    [Fact]
    public async Task A_courier_cannot_search_orders()
    {
        var courier = await Host.PrincipalFor("courier@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new SearchOrders.Query(), courier));
    }
}
