using Portal.Domain.Dispatch;
using Portal.Infrastructure.Routing;

namespace Portal.Tests.Infrastructure.Routing;

/// <summary>
/// The optimiser starts from the nearest-neighbour plan and then only cares about cost, so each test sets up a
/// cheaper plan that breaks one rule: the test fails if the solver is not told about that rule.
/// </summary>
public class RoutePlannerTests
{
    private static readonly GeoPoint Tianhe = GeoPoint.Create(23.1249, 113.3612);
    private static readonly GeoPoint Haizhu = GeoPoint.Create(23.0839, 113.3172);
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Nine_pm = new(21, 0);

    public static TheoryData<string> Planners => ["or-tools", "nearest-neighbour"];

    private static IRoutePlanner Planner(string name) => name == "or-tools"
        ? new OrToolsRoutePlanner(new RoutingOptions { SearchTimeLimit = TimeSpan.FromMilliseconds(300) })
        : new NearestNeighbourPlanner();

    private static PlanningCourier Courier(long id, GeoPoint start, int capacity = 20, params string[] zones) =>
        new(id, start, capacity, zones.Length == 0 ? ["TH", "HZ"] : zones, Nine, Nine_pm);

    private static PlanningStop Stop(long id, GeoPoint near, double northKm, string zone = "TH", int from = 9, int to = 21) =>
        new(id, GeoPoint.Create(near.Latitude + (northKm / 111.0), near.Longitude), zone, new TimeOnly(from, 0), new TimeOnly(to, 0));

    [Theory]
    [MemberData(nameof(Planners))]
    public void Gives_no_courier_more_stops_than_their_capacity(string planner)
    {
        // Every stop is next to Li's station; without capacities one courier would take them all.
        var problem = new PlanningProblem(
            [Courier(1, Tianhe, capacity: 2), Courier(2, Haizhu, capacity: 2)],
            [Stop(11, Tianhe, 0.2), Stop(12, Tianhe, 0.4), Stop(13, Tianhe, 0.6), Stop(14, Tianhe, 0.8)],
            new TravelModel());

        var plan = Planner(planner).Propose(problem);

        Assert.Empty(plan.Unassigned);
        Assert.All(plan.Routes, r => Assert.Equal(2, r.Visits.Count));
    }

    [Fact]
    public void Drives_a_far_morning_stop_before_a_near_afternoon_one()
    {
        var near = Stop(21, Tianhe, 1, from: 16, to: 17);
        var far = Stop(22, Tianhe, -6, from: 9, to: 10);

        var plan = Planner("or-tools").Propose(new PlanningProblem([Courier(1, Tianhe)], [near, far], new TravelModel()));

        var route = Assert.Single(plan.Routes);
        Assert.Equal([22L, 21L], route.Visits.Select(v => v.StopId));
        Assert.All(route.Visits, v => Assert.True(v.MeetsWindow));
    }

    [Fact]
    public void Orders_stops_by_distance_when_the_windows_allow()
    {
        // Nearest-neighbour visits them by window start (the far one first); all windows are open all day.
        var stops = new[] { Stop(31, Tianhe, 6, from: 9), Stop(32, Tianhe, 2, from: 10), Stop(33, Tianhe, 4, from: 11) };

        var plan = Planner("or-tools").Propose(new PlanningProblem([Courier(1, Tianhe)], stops, new TravelModel()));

        Assert.Equal([32L, 33L, 31L], Assert.Single(plan.Routes).Visits.Select(v => v.StopId));
    }

    [Theory]
    [MemberData(nameof(Planners))]
    public void Gives_a_stop_only_to_a_courier_covering_its_zone(string planner)
    {
        var problem = new PlanningProblem(
            [Courier(1, Haizhu, zones: "TH"), Courier(2, Tianhe, zones: "HZ")],
            [Stop(41, Haizhu, 0.1, zone: "HZ"), Stop(42, Tianhe, 0.1, zone: "TH")],
            new TravelModel());

        var plan = Planner(planner).Propose(problem);

        Assert.Equal([42L], plan.Routes.Single(r => r.CourierId == 1).Visits.Select(v => v.StopId));
        Assert.Equal([41L], plan.Routes.Single(r => r.CourierId == 2).Visits.Select(v => v.StopId));
    }

    [Theory]
    [MemberData(nameof(Planners))]
    public void Reports_a_stop_nobody_covers_instead_of_dropping_it_silently(string planner)
    {
        var plan = Planner(planner).Propose(new PlanningProblem(
            [Courier(1, Tianhe, zones: "TH")], [Stop(51, Tianhe, 1), Stop(52, Haizhu, 1, zone: "BY")], new TravelModel()));

        Assert.Equal([52L], plan.Unassigned);
        Assert.Equal(1, plan.Assigned);
    }

    [Fact]
    public void Starts_each_courier_from_their_own_station()
    {
        var problem = new PlanningProblem(
            [Courier(1, Tianhe, capacity: 1), Courier(2, Haizhu, capacity: 1)],
            [Stop(61, Haizhu, 0.3), Stop(62, Tianhe, 0.3)],
            new TravelModel());

        var plan = Planner("or-tools").Propose(problem);

        Assert.Equal(62L, plan.Routes.Single(r => r.CourierId == 1).Visits.Single().StopId);
        Assert.Equal(61L, plan.Routes.Single(r => r.CourierId == 2).Visits.Single().StopId);
    }

    [Fact]
    public void Splits_a_large_day_by_home_zone_and_still_places_every_stop_within_the_rules()
    {
        var random = new Random(7);
        var couriers = Enumerable.Range(1, 6).Select(i => Courier(i, i % 2 == 0 ? Tianhe : Haizhu, 12, i % 2 == 0 ? "TH" : "HZ")).ToList();
        var stops = Enumerable.Range(0, 60).Select(i => Stop(100 + i, i % 2 == 0 ? Tianhe : Haizhu, random.NextDouble() * 4 - 2, i % 2 == 0 ? "TH" : "HZ")).ToList();
        var planner = new OrToolsRoutePlanner(new RoutingOptions { SearchTimeLimit = TimeSpan.FromMilliseconds(300), MaxStopsPerSolve = 20 });

        var plan = planner.Propose(new PlanningProblem(couriers, stops, new TravelModel()));

        Assert.Empty(plan.Unassigned);
        Assert.All(plan.Routes, r => Assert.InRange(r.Visits.Count, 1, 12));
        Assert.All(plan.Routes, r => Assert.All(r.Visits, v =>
            Assert.True(couriers.Single(c => c.Id == r.CourierId).Covers(stops.Single(s => s.Id == v.StopId).ZoneCode))));
        Assert.True(plan.TotalDistanceMetres <= new NearestNeighbourPlanner().Propose(new PlanningProblem(couriers, stops, new TravelModel())).TotalDistanceMetres);
    }
}
