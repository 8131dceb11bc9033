using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.Dispatch.DispatchTestData;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Dispatch;

public class RoutePlanningTests
{
    private static readonly PlanningCourier Li = new(1, Tianhe.Centre, 10, ["TH"], new TimeOnly(9, 0), new TimeOnly(21, 0));

    [Fact]
    public void Waits_for_a_window_that_has_not_opened_and_flags_one_that_has_closed()
    {
        var travel = new TravelModel();
        var afternoon = new PlanningStop(1, Tianhe.Centre, "TH", new TimeOnly(14, 0), new TimeOnly(18, 0));
        var morning = new PlanningStop(2, Haizhu.Centre, "TH", new TimeOnly(9, 0), new TimeOnly(12, 0));

        var route = RouteTimes.Evaluate(Li, [afternoon, morning], travel);

        Assert.Equal(new TimeOnly(14, 0), route.Visits[0].Arrival);
        Assert.True(route.Visits[0].MeetsWindow);
        Assert.False(route.Visits[1].MeetsWindow);
        Assert.Equal(travel.Metres(Tianhe.Centre, Haizhu.Centre), route.DistanceMetres);
    }

    [Fact]
    public void Measures_distance_along_the_road_not_the_straight_line()
    {
        var metres = Tianhe.Centre.MetresTo(Haizhu.Centre);

        Assert.InRange(metres, 5_000, 6_500);
        Assert.Equal((int)Math.Round(metres * 1.3), new TravelModel().Metres(Tianhe.Centre, Haizhu.Centre));
    }

    [Fact]
    public void A_run_keeps_its_stops_in_route_order()
    {
        var route = new PlannedRoute(1, [new PlannedVisit(30, new TimeOnly(9, 20), true), new PlannedVisit(10, new TimeOnly(10, 0), false)], 4200);

        var run = Run.Plan(1, new DateOnly(2025, 6, 2), route, Now);

        Assert.Equal([30L, 10L], run.Stops.Select(s => s.DeliveryId));
        Assert.Equal(2, run.SequenceOf(10));
        Assert.Equal(1, run.WindowsMissed);
    }

    [Fact]
    public void A_run_refuses_the_same_delivery_twice() =>
        Throws(
            () => Run.Plan(1, new DateOnly(2025, 6, 2), new PlannedRoute(1, [new PlannedVisit(3, default, true), new PlannedVisit(3, default, true)], 0), Now),
            "run.duplicate_stop");

    [Fact]
    public void Picks_the_community_zone_named_in_the_address_line()
    {
        Assert.Equal("TH-ZJXC", Zone.For(Address.Create("广州市", "天河区", "珠江新城 花城大道 85 号"), [Tianhe, Zhujiang, Haizhu])!.Code);
        Assert.Equal("TH", Zone.For(Address.Create("广州市", "天河区", "天河路 385 号"), [Tianhe, Zhujiang, Haizhu])!.Code);
        Assert.Null(Zone.For(Address.Create("广州市", "白云区", "机场路 1 号"), [Tianhe, Zhujiang, Haizhu]));
    }
}
