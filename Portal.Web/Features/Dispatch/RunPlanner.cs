using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Routing;

namespace Portal.Web.Features.Dispatch;

using Delivery = Portal.Domain.Dispatch.Delivery;

/// <summary>Turns dispatch data into planning problems and keeps each courier's run in route order.</summary>
internal sealed class RunPlanner(PortalDbContext db, IOptions<RoutingOptions> options, IClock clock, Documents.PrintManifestAhead printAhead)
{
    // One courier's stops: descent to the first local optimum is enough and takes milliseconds.
    private readonly OrToolsRoutePlanner _planner = new(new RoutingOptions
    {
        SearchTimeLimit = options.Value.SearchTimeLimit,
        LateMinuteCostMetres = options.Value.LateMinuteCostMetres,
        GuidedSearch = false,
    });

    public static readonly TimeOnly ShiftStart = new(9, 0);
    public static readonly TimeOnly ShiftEnd = new(21, 0);

    /// <summary>Statuses that occupy a place on a courier's day.</summary>
    public static readonly DeliveryStatus[] OnRun =
        [DeliveryStatus.Assigned, DeliveryStatus.PickedUp, DeliveryStatus.OutForDelivery, DeliveryStatus.Delivered, DeliveryStatus.FailedAttempt];

    /// <summary>
    /// A stop's zone as the planner sees it carries the delivery's channel, so a courier only gets deliveries of
    /// their own channel ("InHouse:TH"); the courier company covers every zone of its channel.
    /// </summary>
    public static string PlanningZone(DeliveryChannel? channel, string zoneCode) => $"{channel ?? DeliveryChannel.CourierCompany}:{zoneCode}";

    public static PlanningCourier ForPlanning(Courier courier, int remainingCapacity, IEnumerable<string> allZones) => new(
        courier.Id,
        courier.Start,
        remainingCapacity,
        (courier.ZoneCodes.Count == 0 ? allZones : courier.ZoneCodes).Select(z => PlanningZone(courier.Channel, z)).ToHashSet(),
        ShiftStart,
        ShiftEnd);

    public static PlanningStop ForPlanning(Delivery delivery) => new(
        delivery.Id, delivery.Location, PlanningZone(delivery.Channel, delivery.ZoneCode), delivery.Window.From, delivery.Window.To);

    /// <summary>Stops already on each courier's day, by courier.</summary>
    public async Task<Dictionary<long, int>> LoadOn(DateOnly date, CancellationToken cancellationToken) =>
        await db.Deliveries
            .Where(d => d.CourierId != null && d.Window.Date == date && OnRun.Contains(d.Status))
            .GroupBy(d => d.CourierId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>Orders the courier's stops for the day again after deliveries joined or left the run (saved first).</summary>
    public async Task Replan(long courierId, DateOnly date, CancellationToken cancellationToken)
    {
        var courier = await db.Couriers.SingleAsync(c => c.Id == courierId, cancellationToken);
        if (courier.Channel == DeliveryChannel.CourierCompany)
        {
            return; // the company routes its own last mile
        }

        var stops = await db.Deliveries
            .Where(d => d.CourierId == courierId && d.Window.Date == date && OnRun.Contains(d.Status))
            .ToListAsync(cancellationToken);
        // Only the order is planned here: the stops are already this courier's, whatever zones they now cover.
        var problem = new PlanningProblem(
            [new PlanningCourier(courier.Id, courier.Start, Math.Max(1, stops.Count), [], ShiftStart, ShiftEnd)],
            [.. stops.Select(ForPlanning)],
            new TravelModel());
        var route = _planner.Propose(problem, cancellationToken).Routes.SingleOrDefault() ?? new PlannedRoute(courierId, [], 0);
        var run = await db.Runs.Include(r => r.Stops).SingleOrDefaultAsync(r => r.CourierId == courierId && r.Date == date, cancellationToken);
        if (run is null)
        {
            db.Runs.Add(Run.Plan(courierId, date, route, clock.UtcNow));
        }
        else
        {
            run.Replan(route, clock.UtcNow);
        }

        // Once the plan is saved: printed before, it would carry the run as it was.
        db.SavedChanges += (_, _) => printAhead.RunChanged(courierId, date);
    }
}
