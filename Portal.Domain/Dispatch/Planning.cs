namespace Portal.Domain.Dispatch;

/// <summary>A courier as the planner sees them: where they start, how many more stops they take, which zones.</summary>
public sealed record PlanningCourier(
    long Id, GeoPoint Start, int Capacity, IReadOnlyCollection<string> ZoneCodes, TimeOnly ShiftStart, TimeOnly ShiftEnd)
{
    /// <summary>No zones listed means every zone (the courier company).</summary>
    public bool Covers(string zoneCode) => ZoneCodes.Count == 0 || ZoneCodes.Contains(zoneCode);
}

/// <summary>A delivery to place: its position, zone and the customer's window (China time).</summary>
public sealed record PlanningStop(long Id, GeoPoint Location, string ZoneCode, TimeOnly WindowFrom, TimeOnly WindowTo);

/// <summary>How long getting from A to B takes in city traffic: straight-line distance scaled by a road factor.</summary>
public sealed record TravelModel(double RoadFactor = 1.3, double SpeedKmh = 18, int ServiceMinutes = 8)
{
    public int Metres(GeoPoint from, GeoPoint to) => (int)Math.Round(from.MetresTo(to) * RoadFactor);

    public int Minutes(int metres) => (int)Math.Ceiling(metres / (SpeedKmh * 1000 / 60));
}

public sealed record PlanningProblem(IReadOnlyList<PlanningCourier> Couriers, IReadOnlyList<PlanningStop> Stops, TravelModel Travel);

public sealed record PlannedVisit(long StopId, TimeOnly Arrival, bool MeetsWindow);

public sealed record PlannedRoute(long CourierId, IReadOnlyList<PlannedVisit> Visits, int DistanceMetres);

public sealed record AssignmentPlan(IReadOnlyList<PlannedRoute> Routes, IReadOnlyList<long> Unassigned)
{
    public long TotalDistanceMetres => Routes.Sum(r => (long)r.DistanceMetres);

    public int WindowsMissed => Routes.Sum(r => r.Visits.Count(v => !v.MeetsWindow));

    public int Assigned => Routes.Sum(r => r.Visits.Count);
}

/// <summary>Proposes which courier takes which delivery and in what order, and orders one courier's stops.</summary>
public interface IRoutePlanner
{
    AssignmentPlan Propose(PlanningProblem problem, CancellationToken cancellationToken = default);
}

public static class RouteTimes
{
    /// <summary>
    /// Drives a courier's stops in the given order: waits when early, notes each window met or missed, and sums
    /// the distance from the start. Every planner's output is measured with this, so comparisons are fair.
    /// </summary>
    public static PlannedRoute Evaluate(PlanningCourier courier, IEnumerable<PlanningStop> orderedStops, TravelModel travel)
    {
        var visits = new List<PlannedVisit>();
        var position = courier.Start;
        var clock = courier.ShiftStart.ToTimeSpan().TotalMinutes;
        var distance = 0;
        foreach (var stop in orderedStops)
        {
            var metres = travel.Metres(position, stop.Location);
            distance += metres;
            clock += travel.Minutes(metres);
            var from = stop.WindowFrom.ToTimeSpan().TotalMinutes;
            clock = Math.Max(clock, from);
            var meets = clock <= stop.WindowTo.ToTimeSpan().TotalMinutes;
            visits.Add(new PlannedVisit(stop.Id, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Min(clock, (24 * 60) - 1))), meets));
            clock += travel.ServiceMinutes;
            position = stop.Location;
        }

        return new PlannedRoute(courier.Id, visits, distance);
    }
}

/// <summary>Finds coordinates for an address; null when it is not known (the zone's centre is used instead).</summary>
public interface IGeocoder
{
    GeoPoint? Locate(Portal.Domain.Shared.Address address);
}
