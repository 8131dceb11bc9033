using Portal.Web.Common.Paging;
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

        var rows = (await Host.Send(new SearchOrders.Query(Phone: phone), rep)).Items;

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

        var rows = (await Host.Send(new SearchOrders.Query(Phone: phone, Status: OrderStatus.Cancelled), rep)).Items;

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

        Assert.Empty((await Host.Send(new SearchOrders.Query(Phone: "12345"), rep)).Items);
    }

    [Fact]
    public async Task Appointments_a_rep_registered_are_listed_beside_their_orders_without_a_payment_status()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var phone = OrderSlice.NewPhone();
        var order = await OrderSlice.PlacePreOrder(Host, rep, phone);
        var appointment = await OrderSlice.PlaceAppointment(Host, rep, phone);

        var rows = (await Host.Send(new SearchOrders.Query(Phone: phone, TakenByMe: true), rep)).Items;

        Assert.Equal([appointment.Number, order.Number], rows.Select(r => r.Number));
        var listed = rows[0];
        Assert.True(listed.IsAppointment);
        Assert.Equal("", listed.PaymentStatus);
        Assert.Equal(appointment.Total, listed.Total);
    }

    [Fact]
    public async Task An_appointment_the_rep_may_not_open_is_not_listed_for_them_either()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var backOffice = await Host.PrincipalFor("backoffice@portal.local");
        var phone = OrderSlice.NewPhone();
        var theirs = await OrderSlice.PlaceAppointment(Host, backOffice, phone);

        var repRows = (await Host.Send(new SearchOrders.Query(Phone: phone), rep)).Items;
        var backOfficeRows = (await Host.Send(new SearchOrders.Query(Phone: phone), backOffice)).Items;

        Assert.Empty(repRows);
        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new GetOrder.Query(theirs.Number), rep));
        Assert.Equal([theirs.Number], backOfficeRows.Select(r => r.Number));
    }

    [Fact]
    public async Task Only_the_reps_own_orders_are_listed_when_asked_for_theirs()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var backOffice = await Host.PrincipalFor("backoffice@portal.local");
        var phone = OrderSlice.NewPhone();
        var mine = await OrderSlice.PlacePreOrder(Host, rep, phone);
        await OrderSlice.PlacePreOrder(Host, backOffice, phone);

        var rows = (await Host.Send(new SearchOrders.Query(Phone: phone, TakenByMe: true), rep)).Items;

        Assert.Equal([mine.Number], rows.Select(r => r.Number));
    }

    [Fact]
    public async Task Pages_through_orders_and_appointments_together_with_the_total_count()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var phone = OrderSlice.NewPhone();
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            placed.Add((await OrderSlice.PlacePreOrder(Host, rep, phone)).Number);
            placed.Add((await OrderSlice.PlaceAppointment(Host, rep, phone)).Number);
        }

        var first = await Host.Send(new SearchOrders.Query(Phone: phone, Page: new ListRequest(0, 4)), rep);
        var second = await Host.Send(new SearchOrders.Query(Phone: phone, Page: new ListRequest(1, 4)), rep);

        Assert.Equal(6, first.Total);
        Assert.Equal(4, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        placed.Reverse();
        Assert.Equal(placed, first.Items.Concat(second.Items).Select(r => r.Number));
    }

    [Fact]
    public async Task Sorts_by_number_when_asked_and_ignores_sort_keys_it_does_not_know()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var phone = OrderSlice.NewPhone();
        var numbers = new List<string>
        {
            (await OrderSlice.PlacePreOrder(Host, rep, phone)).Number,
            (await OrderSlice.PlaceAppointment(Host, rep, phone)).Number,
            (await OrderSlice.PlaceDirect(Host, rep, phone)).Number,
        };

        var byNumber = await Host.Send(new SearchOrders.Query(Phone: phone, Page: new ListRequest(SortBy: "Number")), rep);
        var unknown = await Host.Send(new SearchOrders.Query(Phone: phone, Page: new ListRequest(SortBy: "Phone; DROP TABLE Orders")), rep);

        Assert.Equal(numbers.Order(StringComparer.Ordinal), byNumber.Items.Select(r => r.Number));
        Assert.Equal(Enumerable.Reverse(numbers), unknown.Items.Select(r => r.Number));
    }

    [Fact]
    public async Task A_courier_cannot_search_orders()
    {
        var courier = await Host.PrincipalFor("courier@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new SearchOrders.Query(), courier));
    }
}
