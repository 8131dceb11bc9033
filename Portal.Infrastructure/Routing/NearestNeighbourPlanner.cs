using Portal.Domain.Dispatch;

namespace Portal.Infrastructure.Routing;

/// <summary>
/// The baseline the optimiser is measured against, and what a dispatcher would do by hand: take the stops by
/// window, give each to the nearest courier (from where that courier last stopped) who covers its zone and has
/// room left, and drive them in that order.
/// </summary>
public sealed class NearestNeighbourPlanner : IRoutePlanner
{
    public AssignmentPlan Propose(PlanningProblem problem, CancellationToken cancellationToken = default)
    {
        var routes = problem.Couriers.ToDictionary(c => c.Id, _ => new List<PlanningStop>());
        var position = problem.Couriers.ToDictionary(c => c.Id, c => c.Start);
        var unassigned = new List<long>();
        foreach (var stop in problem.Stops.OrderBy(s => s.WindowFrom).ThenBy(s => s.WindowTo).ThenBy(s => s.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nearest = problem.Couriers
                .Where(c => c.Covers(stop.ZoneCode) && routes[c.Id].Count < c.Capacity)
                .MinBy(c => position[c.Id].MetresTo(stop.Location));
            if (nearest is null)
            {
                unassigned.Add(stop.Id);
                continue;
            }

            routes[nearest.Id].Add(stop);
            position[nearest.Id] = stop.Location;
        }

        return new AssignmentPlan(
            [.. problem.Couriers.Where(c => routes[c.Id].Count > 0).Select(c => RouteTimes.Evaluate(c, routes[c.Id], problem.Travel))],
            unassigned);
    }
}
