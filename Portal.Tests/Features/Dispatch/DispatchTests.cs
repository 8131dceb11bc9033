using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Dispatch;

public sealed class DispatchTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task An_order_ready_for_dispatch_becomes_a_waiting_delivery_with_its_reserved_units_and_channel()
    {
        var order = await PlaceHandsetOrder(Host);

        var delivery = await DeliveryOf(Host, order.Number);

        Assert.Equal(DeliveryStatus.Waiting, delivery.Status);
        Assert.Equal(order.TrackingCode, delivery.TrackingCode.Value);
        Assert.Equal(DeliveryChannel.InHouse, delivery.Channel);
        Assert.Equal("TH", delivery.ZoneCode);
        Assert.False(delivery.LocationIsZoneCentre);
        Assert.Equal(order.AmountToCollect, delivery.AmountToCollect.Amount);
        Assert.All(delivery.Items, i => Assert.Single(i.ReservedSerials));
        var reserved = await Host.WithDb(db => db.SerialUnits.Where(u => u.ReservedForOrder == order.Number).Select(u => u.Serial).ToListAsync());
        Assert.Equal(reserved.Order(), delivery.Items.SelectMany(i => i.ReservedSerials).Order());
    }

    [Fact]
    public async Task An_address_that_is_not_known_is_routed_to_its_zone_centre()
    {
        var order = await PlaceHandsetOrder(Host, "海珠区", "某某新村 3 巷 8 号");

        var delivery = await DeliveryOf(Host, order.Number);

        Assert.True(delivery.LocationIsZoneCentre);
        Assert.Equal("HZ", delivery.ZoneCode);
    }

    [Fact]
    public async Task Accepting_the_proposal_assigns_the_courier_of_the_zone_and_plans_the_run()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var order = await PlaceHandsetOrder(Host);
        var delivery = await DeliveryOf(Host, order.Number);

        var proposal = await Host.Send(new ProposeAssignments.Query(Tomorrow), dispatcher);
        var run = proposal.Runs.Single(r => r.Stops.Any(s => s.DeliveryId == delivery.Id));
        Assert.Equal(CourierLogin, await Host.WithDb(db => db.Couriers.Where(c => c.Id == run.CourierId).Select(c => c.Login).SingleAsync()));
        var stop = run.Stops.Single(s => s.DeliveryId == delivery.Id);

        var result = await Host.Send(new AcceptProposal.Command([new(stop.DeliveryId, run.CourierId, stop.Version)]), dispatcher);

        Assert.Equal(1, result.Assigned);
        Assert.Empty(result.Skipped);
        Assert.Equal(OrderStatus.Assigned, (await OrderOf(Host, order.Number)).Status);
        var planned = await Host.WithDb(db => db.Runs.AsNoTracking().SingleAsync(r => r.CourierId == run.CourierId && r.Date == Tomorrow));
        Assert.Contains(planned.Stops, s => s.DeliveryId == delivery.Id);
    }

    [Fact]
    public async Task Accepting_a_proposal_that_went_stale_skips_the_changed_delivery_and_says_why()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        var courier = await CourierId(Host, CourierLogin);
        await Host.Send(new AssignDelivery.Command(delivery.Id, courier, delivery.Version, null), dispatcher);

        var result = await Host.Send(new AcceptProposal.Command([new(delivery.Id, courier, delivery.Version)]), dispatcher);

        Assert.Equal(0, result.Assigned);
        Assert.Contains("changed by someone else", Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public async Task Two_dispatchers_assigning_the_same_delivery_at_once_leave_one_assignment_and_tell_the_other()
    {
        var first = await NewDispatcher(Host);
        var second = await NewDispatcher(Host);
        var inHouse = await CourierId(Host, CourierLogin);
        var company = await CourierId(Host, Portal.Infrastructure.Persistence.Seeding.DemoAccounts.CourierCompanyClient);
        for (var round = 0; round < 3; round++)
        {
            var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
            var start = new TaskCompletionSource();
            var a = Task.Run<Exception?>(async () => { await start.Task; return await Try(() => Host.Send(new AssignDelivery.Command(delivery.Id, inHouse, delivery.Version, null), first)); });
            var b = Task.Run<Exception?>(async () => { await start.Task; return await Try(() => Host.Send(new AssignDelivery.Command(delivery.Id, company, delivery.Version, null), second)); });
            start.SetResult();
            var outcomes = await Task.WhenAll(a, b);

            var loser = Assert.IsType<DomainException>(Assert.Single(outcomes, o => o is not null));
            Assert.Equal("delivery.changed", loser.Code);
            var saved = await DeliveryOf(Host, delivery.OrderNumber);
            var winner = outcomes[0] is null ? inHouse : company;
            Assert.Equal(winner, saved.CourierId);
            Assert.Contains("just given to", loser.Message);
            Assert.Single(saved.Timeline, t => t.ToStatus == DeliveryStatus.Assigned);
        }
    }

    [Fact]
    public async Task A_courier_who_does_not_cover_the_zone_is_refused()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var courier2 = await CourierId(Host, Courier2Login);
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Host.Send(new AssignDelivery.Command(delivery.Id, courier2, delivery.Version, null), dispatcher));

        Assert.Equal("delivery.zone_not_covered", ex.Code);
        Assert.Equal(DeliveryStatus.Waiting, (await DeliveryOf(Host, delivery.OrderNumber)).Status);
    }

    [Fact]
    public async Task Moving_a_delivery_to_another_courier_needs_a_reason()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        var assigned = await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), delivery.Version, null), dispatcher);
        var company = await CourierId(Host, Portal.Infrastructure.Persistence.Seeding.DemoAccounts.CourierCompanyClient);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Host.Send(new AssignDelivery.Command(delivery.Id, company, assigned.Version, null), dispatcher));
        Assert.Equal("delivery.reason_required", ex.Code);

        await Host.Send(new AssignDelivery.Command(delivery.Id, company, assigned.Version, "Courier off sick"), dispatcher);
        var saved = await DeliveryOf(Host, delivery.OrderNumber);
        Assert.Equal((company, "Courier off sick"), (saved.CourierId!.Value, saved.AssignmentReason));
        Assert.Contains("Moved to 顺达速递", (await OrderOf(Host, delivery.OrderNumber)).Timeline[^1].Reason);
    }

    private static async Task<Exception?> Try(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
