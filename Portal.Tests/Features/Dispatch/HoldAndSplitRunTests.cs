using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Dispatch;

/// <summary>Holding a delivery off the proposals and splitting a run between couriers, through the real pipeline.</summary>
public sealed class HoldAndSplitRunTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private async Task<Delivery> Waiting() => await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);

    /// <summary>A courier of our own for Tianhe, so runs in this class never meet another test's capacity.</summary>
    private Task<long> NewCourier(string name) => Host.WithDb(async db =>
    {
        var courier = Courier.Create($"{Guid.NewGuid():N}@portal.local", name, DeliveryChannel.InHouse, 20, GeoPoint.Create(23.1338, 113.3291), ["TH", "TH-ZJXC"]);
        db.Couriers.Add(courier);
        await db.SaveChangesAsync();
        return courier.Id;
    });

    [Fact]
    public async Task A_held_delivery_shows_its_reason_and_stays_out_of_proposals_until_released()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var delivery = await Waiting();

        await Host.Send(new HoldDelivery.Command(delivery.Id, delivery.Version, "Customer asked us to wait", Tomorrow), dispatcher);
        var board = await Host.Send(new GetBoard.Query(Tomorrow), dispatcher);
        var proposal = await Host.Send(new ProposeAssignments.Query(Tomorrow), dispatcher);

        var card = Assert.Single(board.Waiting, w => w.DeliveryId == delivery.Id);
        Assert.Equal((DeliveryStatus.OnHold, "Customer asked us to wait", (DateOnly?)Tomorrow), (card.Status, card.HoldReason, card.HeldUntil));
        Assert.DoesNotContain(Proposed(proposal), id => id == delivery.Id);

        await Host.Send(new ReleaseDelivery.Command(delivery.Id, card.Version), dispatcher);

        Assert.Contains(Proposed(await Host.Send(new ProposeAssignments.Query(Tomorrow), dispatcher)), id => id == delivery.Id);
    }

    [Fact]
    public async Task Holding_twice_with_the_same_reason_has_one_effect()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var delivery = await Waiting();
        var hold = new HoldDelivery.Command(delivery.Id, delivery.Version, "Address unclear", null);

        await Host.Send(hold, dispatcher);
        var once = await DeliveryOf(Host, delivery.OrderNumber);
        await Host.Send(hold, dispatcher);

        var twice = await DeliveryOf(Host, delivery.OrderNumber);
        Assert.Equal((DeliveryStatus.OnHold, once.Version, once.Timeline.Count), (twice.Status, twice.Version, twice.Timeline.Count));
    }

    [Fact]
    public async Task Two_dispatchers_holding_and_assigning_the_same_delivery_one_wins_and_the_other_is_told()
    {
        var (first, second) = (await NewDispatcher(Host), await NewDispatcher(Host));
        var courier = await NewCourier("罗杰");
        var delivery = await Waiting();
        var start = new TaskCompletionSource();
        var hold = Task.Run(async () => { await start.Task; return await Try(() => Host.Send(new HoldDelivery.Command(delivery.Id, delivery.Version, "Customer asked us to wait", null), first)); });
        var assign = Task.Run(async () => { await start.Task; return await Try(() => Host.Send(new AssignDelivery.Command(delivery.Id, courier, delivery.Version, null), second)); });
        start.SetResult();

        var outcomes = await Task.WhenAll(hold, assign);

        var loser = Assert.IsType<DomainException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal("delivery.changed", loser.Code);
        var saved = await DeliveryOf(Host, delivery.OrderNumber);
        Assert.Equal(outcomes[0] is null ? DeliveryStatus.OnHold : DeliveryStatus.Assigned, saved.Status);
    }

    [Fact]
    public async Task Splitting_a_run_moves_the_chosen_stops_with_the_reason_and_routes_both_runs_again()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var (from, to) = (await NewCourier("钟伟"), await NewCourier("梁静"));
        var stops = new List<Delivery>();
        for (var i = 0; i < 3; i++)
        {
            var waiting = await Waiting();
            await Host.Send(new AssignDelivery.Command(waiting.Id, from, waiting.Version, null), dispatcher);
            stops.Add(await DeliveryOf(Host, waiting.OrderNumber));
        }

        var split = new SplitRun.Command(from, to, [.. stops.Take(2).Select(s => new SplitRun.Stop(s.Id, s.Version))], "钟伟's run is too long");
        var result = await Host.Send(split, dispatcher);
        var again = await Host.Send(split, dispatcher);

        Assert.Equal((2, 0), (result.Moved, again.Moved));
        var board = await Host.Send(new GetBoard.Query(Tomorrow), dispatcher);
        var (left, took) = (board.Runs.Single(r => r.CourierId == from), board.Runs.Single(r => r.CourierId == to));
        Assert.Equal([stops[2].Id], left.Stops.Select(s => s.DeliveryId));
        Assert.Equal(stops.Take(2).Select(s => s.Id).Order(), took.Stops.Select(s => s.DeliveryId).Order());
        Assert.All(took.Stops, s => Assert.NotNull(s.Arrival));
        Assert.True(left.DistanceMetres > 0 && took.DistanceMetres > 0);
        var moved = await DeliveryOf(Host, stops[0].OrderNumber);
        Assert.Contains("钟伟's run is too long", moved.Timeline[^1].Note);
    }

    [Fact]
    public async Task A_split_with_one_stop_changed_by_a_colleague_moves_nothing()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var (from, to) = (await NewCourier("钟伟"), await NewCourier("梁静"));
        var stops = new List<Delivery>();
        for (var i = 0; i < 2; i++)
        {
            var waiting = await Waiting();
            await Host.Send(new AssignDelivery.Command(waiting.Id, from, waiting.Version, null), dispatcher);
            stops.Add(await DeliveryOf(Host, waiting.OrderNumber));
        }

        await Host.Send(new UnassignDelivery.Command(stops[1].Id, stops[1].Version, "Customer called"), await NewDispatcher(Host));
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Host.Send(new SplitRun.Command(from, to, [.. stops.Select(s => new SplitRun.Stop(s.Id, s.Version))], "Rebalance"), dispatcher));

        Assert.Equal("delivery.changed", ex.Code);
        Assert.Equal(from, (await DeliveryOf(Host, stops[0].OrderNumber)).CourierId);
    }

    private static IEnumerable<long> Proposed(ProposeAssignments.Proposal proposal) =>
        proposal.Runs.SelectMany(r => r.Stops.Select(s => s.DeliveryId)).Concat(proposal.Unplaced.Select(u => u.DeliveryId));

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

/// <summary>A hold with a chosen day lifts by itself once that day comes (China time), on a clock the test moves.</summary>
public sealed class HoldReleaseDayTests(HoldReleaseDayTests.Fixture fixture) : IClassFixture<HoldReleaseDayTests.Fixture>
{
    [Fact]
    public async Task A_hold_lifts_on_its_chosen_day_and_not_before()
    {
        var host = fixture.Host;
        var dispatcher = await host.PrincipalFor(Dispatcher);
        var delivery = await DeliveryOf(host, (await PlaceHandsetOrder(host)).Number);
        var deliveryDay = delivery.Window.Date;
        await host.Send(new HoldDelivery.Command(delivery.Id, delivery.Version, "Customer is travelling", deliveryDay), dispatcher);
        var sweep = SystemPrincipal.For("hold-release-test");

        await host.Send(new ReleaseDelivery.ReleaseDue(), sweep);
        var before = await DeliveryOf(host, delivery.OrderNumber);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await host.Send(new ReleaseDelivery.ReleaseDue(), sweep);
        var after = await DeliveryOf(host, delivery.OrderNumber);

        Assert.Equal((DeliveryStatus.OnHold, DeliveryStatus.Waiting), (before.Status, after.Status));
        Assert.Null(after.HoldReason);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        public PortalHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await PortalHost.StartAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(Time));

        public Task DisposeAsync() => Host.DisposeAsync().AsTask();
    }
}
