using System.Diagnostics;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Routing;

namespace Portal.Bench;

/// <summary>
/// Auto-assignment and routing of a day's deliveries: OR-Tools against the nearest-neighbour baseline, on the same
/// generated Guangzhou day (fixed seed), both measured with the same route timing.
/// Usage: dotnet run -c Release --project Portal.Bench -- routing [deliveries] [couriers] [search seconds]
/// </summary>
internal static class RoutingBenchmark
{
    private static readonly (TimeOnly From, TimeOnly To)[] Windows =
    [
        (new(9, 0), new(11, 0)), (new(10, 0), new(12, 0)), (new(13, 0), new(15, 0)), (new(14, 0), new(18, 0)), (new(19, 0), new(21, 0)),
    ];

    public static BenchTable Run(string[] args)
    {
        var deliveries = args.Length > 1 ? int.Parse(args[1]) : 1000;
        var couriers = args.Length > 2 ? int.Parse(args[2]) : 50;
        var searchSeconds = args.Length > 3 ? double.Parse(args[3]) : 1.5;
        var problem = Generate(deliveries, couriers, seed: 20261130);
        var table = new BenchTable("routing", "none", "planner", "seconds", "assigned", "unassigned", "km", "late", "invalid");
        table.Note($"{deliveries} deliveries, {couriers} couriers, {problem.Couriers.Sum(c => c.Capacity)} stops of capacity, 10 zones, 5 windows (2-4 h)");

        // Warm-up loads the native solver library so the timing below is the planning itself.
        new OrToolsRoutePlanner(new RoutingOptions { SearchTimeLimit = TimeSpan.FromMilliseconds(200) }).Propose(Generate(50, 5, 1));

        Measure(table, "nearest neighbour", new NearestNeighbourPlanner(), problem);
        Measure(table, $"OR-Tools ({searchSeconds:0.#} s search)", new OrToolsRoutePlanner(new RoutingOptions { SearchTimeLimit = TimeSpan.FromSeconds(searchSeconds) }), problem);
        return table;
    }

    private static void Measure(BenchTable table, string name, IRoutePlanner planner, PlanningProblem problem)
    {
        var clock = Stopwatch.StartNew();
        var plan = planner.Propose(problem);
        clock.Stop();
        var overCapacity = plan.Routes.Count(r => r.Visits.Count > problem.Couriers.Single(c => c.Id == r.CourierId).Capacity);
        var outsideZone = plan.Routes.Sum(r => r.Visits.Count(v =>
            !problem.Couriers.Single(c => c.Id == r.CourierId).Covers(problem.Stops.Single(s => s.Id == v.StopId).ZoneCode)));
        table.Add(
            name, Math.Round(clock.Elapsed.TotalSeconds, 2), plan.Assigned, plan.Unassigned.Count, plan.TotalDistanceMetres / 1000.0, plan.WindowsMissed,
            overCapacity + outsideZone > 0 ? $"{overCapacity} over capacity, {outsideZone} outside zone" : "no");
    }

    /// <summary>Ten zones over central Guangzhou (Tianhe, Yuexiu, Haizhu, Liwan, Baiyun); each courier covers two or three neighbours.</summary>
    private static PlanningProblem Generate(int deliveries, int couriers, int seed)
    {
        var random = new Random(seed);
        var zones = Enumerable.Range(0, 10)
            .Select(z => (Code: $"Z{z}", Centre: GeoPoint.Create(23.08 + (z / 5 * 0.07), 113.24 + (z % 5 * 0.045))))
            .ToArray();
        var capacity = (int)Math.Ceiling(deliveries * 1.2 / couriers);
        var planningCouriers = Enumerable.Range(0, couriers).Select(c =>
        {
            var home = c % zones.Length;
            var covered = new[] { home, (home + 1) % zones.Length, (home + 5) % zones.Length }.Take(2 + (c % 2)).Select(z => zones[z].Code).ToArray();
            return new PlanningCourier(c + 1, Jitter(zones[home].Centre, random, 0.005), capacity, covered, new TimeOnly(9, 0), new TimeOnly(21, 0));
        }).ToList();
        var stops = Enumerable.Range(0, deliveries).Select(d =>
        {
            var zone = zones[random.Next(zones.Length)];
            var window = Windows[random.Next(Windows.Length)];
            return new PlanningStop(10_000 + d, Jitter(zone.Centre, random, 0.02), zone.Code, window.From, window.To);
        }).ToList();
        return new PlanningProblem(planningCouriers, stops, new TravelModel());
    }

    private static GeoPoint Jitter(GeoPoint centre, Random random, double degrees) => GeoPoint.Create(
        centre.Latitude + ((random.NextDouble() - 0.5) * 2 * degrees), centre.Longitude + ((random.NextDouble() - 0.5) * 2 * degrees));
}
