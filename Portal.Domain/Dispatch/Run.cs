using Portal.Domain.Common;

namespace Portal.Domain.Dispatch;

/// <summary>One courier's stops for one day, in route order, with the distance and the windows each stop meets.</summary>
public sealed class Run : Entity
{
    private readonly List<RunStop> _stops = [];

    private Run()
    {
    }

    public long CourierId { get; private set; }

    public DateOnly Date { get; private set; }

    public IReadOnlyList<RunStop> Stops => _stops;

    public int DistanceMetres { get; private set; }

    public DateTime PlannedAtUtc { get; private set; }

    public int Version { get; private set; }

    public int WindowsMissed => _stops.Count(s => !s.MeetsWindow);

    public static Run Plan(long courierId, DateOnly date, PlannedRoute route, DateTime nowUtc)
    {
        var run = new Run { CourierId = courierId, Date = date };
        run.Replan(route, nowUtc);
        return run;
    }

    /// <summary>Replaces the stop order after the courier's deliveries changed (assigned, moved, unassigned).</summary>
    public void Replan(PlannedRoute route, DateTime nowUtc)
    {
        if (route.CourierId != CourierId)
        {
            throw new DomainException("run.wrong_courier", "The route was planned for another courier");
        }

        if (route.Visits.Select(v => v.StopId).Distinct().Count() != route.Visits.Count)
        {
            throw new DomainException("run.duplicate_stop", "A delivery appears twice on one run");
        }

        _stops.Clear();
        _stops.AddRange(route.Visits.Select((v, i) => new RunStop(v.StopId, i + 1, v.Arrival, v.MeetsWindow)));
        DistanceMetres = route.DistanceMetres;
        PlannedAtUtc = nowUtc;
        Version++;
    }

    public int SequenceOf(long deliveryId) => _stops.FirstOrDefault(s => s.DeliveryId == deliveryId)?.Sequence ?? 0;
}

/// <summary>A delivery's place on a run; arrival is China time on the run's date.</summary>
public sealed record RunStop(long DeliveryId, int Sequence, TimeOnly PlannedArrival, bool MeetsWindow);
