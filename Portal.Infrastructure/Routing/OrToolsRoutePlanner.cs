using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;
using Portal.Domain.Dispatch;

namespace Portal.Infrastructure.Routing;

public sealed class RoutingOptions
{
    /// <summary>The whole search budget; the proposal must come back within seconds.</summary>
    public TimeSpan SearchTimeLimit { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Cost of one minute late, in metres of driving: being late is worth a detour of this length.</summary>
    public int LateMinuteCostMetres { get; set; } = 1_000;

    /// <summary>
    /// Guided local search keeps improving until the time limit; plain descent stops at the first local optimum,
    /// which for one courier's run is reached in milliseconds.
    /// </summary>
    public bool GuidedSearch { get; set; } = true;

    /// <summary>Above this many stops the day is split by the couriers' home zones and each part solved on its own.</summary>
    public int MaxStopsPerSolve { get; set; } = 150;
}

/// <summary>
/// Assigns and orders stops with OR-Tools' routing solver: one vehicle per courier starting at their own station,
/// a capacity dimension (stops per day), a time dimension with the customers' windows (early arrival waits;
/// lateness is allowed but costly, so an impossible window is flagged rather than blocking the proposal) and zone
/// coverage as allowed vehicles per stop. A stop no courier can take is left out and reported.
/// The solver starts from the nearest-neighbour plan, so the proposal is never worse than the baseline. A large day
/// is split into groups of couriers sharing a home zone (with the stops the baseline gave them) because the solver
/// improves many small problems in the time budget far better than one big one.
/// </summary>
public sealed class OrToolsRoutePlanner(RoutingOptions options) : IRoutePlanner
{
    private const long DropPenalty = 10_000_000;
    private const int DayMinutes = 24 * 60;

    public AssignmentPlan Propose(PlanningProblem problem, CancellationToken cancellationToken = default)
    {
        var baseline = new NearestNeighbourPlanner().Propose(problem, cancellationToken);
        if (problem.Stops.Count == 0 || problem.Couriers.Count == 0)
        {
            return baseline;
        }

        var stopsById = problem.Stops.ToDictionary(s => s.Id);
        var baselineRoutes = baseline.Routes.ToDictionary(r => r.CourierId, r => r.Visits.Select(v => stopsById[v.StopId]).ToList());
        var groups = problem.Stops.Count <= options.MaxStopsPerSolve
            ? [problem.Couriers.ToList()]
            : problem.Couriers.GroupBy(c => c.ZoneCodes.FirstOrDefault() ?? string.Empty).Select(g => g.ToList()).ToList();

        // Stops the baseline could not place may still fit somewhere: each joins the first group that covers it.
        var leftOver = baseline.Unassigned.Select(id => stopsById[id]).ToList();
        var parts = groups.Select(couriers =>
        {
            var initial = couriers.Select(c => baselineRoutes.GetValueOrDefault(c.Id) ?? []).ToList();
            var extra = leftOver.Where(s => couriers.Any(c => c.Covers(s.ZoneCode))).ToList();
            leftOver.RemoveAll(extra.Contains);
            return (Couriers: couriers, Initial: initial, Stops: initial.SelectMany(r => r).Concat(extra).ToList());
        }).ToList();

        var rounds = Math.Ceiling(parts.Count(p => p.Stops.Count > 0) / (double)Environment.ProcessorCount);
        var budget = TimeSpan.FromTicks((long)(options.SearchTimeLimit.Ticks / Math.Max(1, rounds)));
        var results = new AssignmentPlan[parts.Count];
        Parallel.For(
            0,
            parts.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            i => results[i] = Solve(parts[i].Couriers, parts[i].Stops, parts[i].Initial, problem.Travel, budget));

        return new AssignmentPlan(
            [.. results.SelectMany(r => r.Routes)],
            [.. results.SelectMany(r => r.Unassigned).Concat(leftOver.Select(s => s.Id))]);
    }

    private AssignmentPlan Solve(
        List<PlanningCourier> couriers, List<PlanningStop> stops, List<List<PlanningStop>> initialRoutes, TravelModel travel, TimeSpan budget)
    {
        if (stops.Count == 0)
        {
            return new AssignmentPlan([], []);
        }

        // Nodes: one start per courier, then one shared end (routes finish wherever the last stop is), then the stops.
        var vehicles = couriers.Count;
        var endNode = vehicles;
        var firstStop = vehicles + 1;
        var nodes = firstStop + stops.Count;
        var locations = couriers.Select(c => c.Start).Append(default).Concat(stops.Select(s => s.Location)).ToArray();
        var distance = new long[nodes][];
        var time = new long[nodes][];
        for (var from = 0; from < nodes; from++)
        {
            distance[from] = new long[nodes];
            time[from] = new long[nodes];
            var service = from >= firstStop ? travel.ServiceMinutes : 0;
            for (var to = 0; to < nodes; to++)
            {
                if (from != endNode && to != endNode && from != to)
                {
                    var metres = travel.Metres(locations[from], locations[to]);
                    distance[from][to] = metres;
                    time[from][to] = service + travel.Minutes(metres);
                }
            }
        }

        using var manager = new RoutingIndexManager(nodes, vehicles, [.. Enumerable.Range(0, vehicles)], Enumerable.Repeat(endNode, vehicles).ToArray());
        using var routing = new RoutingModel(manager);
        routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(distance));

        var demand = new long[nodes];
        Array.Fill(demand, 1, firstStop, stops.Count);
        routing.AddDimensionWithVehicleCapacity(
            routing.RegisterUnaryTransitVector(demand), 0, [.. couriers.Select(c => (long)c.Capacity)], true, "Load");

        routing.AddDimension(routing.RegisterTransitMatrix(time), DayMinutes, DayMinutes, false, "Time");
        var clock = routing.GetMutableDimension("Time");
        for (var v = 0; v < vehicles; v++)
        {
            clock.CumulVar(routing.Start(v)).SetRange(Minutes(couriers[v].ShiftStart), Minutes(couriers[v].ShiftEnd));
            clock.SetCumulVarSoftUpperBound(routing.End(v), Minutes(couriers[v].ShiftEnd), options.LateMinuteCostMetres);
        }

        for (var s = 0; s < stops.Count; s++)
        {
            var index = manager.NodeToIndex(firstStop + s);
            clock.CumulVar(index).SetMin(Minutes(stops[s].WindowFrom));
            clock.SetCumulVarSoftUpperBound(index, Minutes(stops[s].WindowTo), options.LateMinuteCostMetres);
            routing.AddDisjunction([index], DropPenalty);
            var allowed = Enumerable.Range(0, vehicles).Where(v => couriers[v].Covers(stops[s].ZoneCode)).Select(v => (long)v).ToList();
            if (allowed.Count < vehicles)
            {
                routing.VehicleVar(index).SetValues([.. allowed, -1]);
            }
        }

        var search = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        search.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        search.LocalSearchMetaheuristic = options.GuidedSearch
            ? LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch
            : LocalSearchMetaheuristic.Types.Value.GreedyDescent;
        search.TimeLimit = Duration.FromTimeSpan(budget);
        routing.CloseModelWithParameters(search);

        var stopIndex = stops.Select((s, i) => (s.Id, Index: manager.NodeToIndex(firstStop + i))).ToDictionary(x => x.Id, x => x.Index);
        var initial = routing.ReadAssignmentFromRoutes([.. initialRoutes.Select(r => r.Select(s => stopIndex[s.Id]).ToArray())], true);
        var solution = (initial is null ? null : routing.SolveFromAssignmentWithParameters(initial, search))
            ?? routing.SolveWithParameters(search);

        var routes = new List<PlannedRoute>();
        var assigned = new HashSet<long>();
        for (var v = 0; v < vehicles; v++)
        {
            var ordered = solution is null
                ? initialRoutes[v]
                : Visits(routing, manager, solution, v).Select(node => stops[node - firstStop]).ToList();
            if (ordered.Count > 0)
            {
                routes.Add(RouteTimes.Evaluate(couriers[v], ordered, travel));
                assigned.UnionWith(ordered.Select(s => s.Id));
            }
        }

        return new AssignmentPlan(routes, [.. stops.Where(s => !assigned.Contains(s.Id)).Select(s => s.Id)]);
    }

    private static IEnumerable<int> Visits(RoutingModel routing, RoutingIndexManager manager, Assignment solution, int vehicle)
    {
        for (var index = solution.Value(routing.NextVar(routing.Start(vehicle))); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
        {
            yield return manager.IndexToNode(index);
        }
    }

    private static long Minutes(TimeOnly time) => (long)time.ToTimeSpan().TotalMinutes;
}
