using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

using Delivery = Portal.Domain.Dispatch.Delivery;

/// <summary>
/// The automatic proposal for one day: every delivery waiting for a courier (not held) is given to a courier of its
/// channel who covers its zone and still has room that day, in route order with the windows each stop meets.
/// Nothing is saved; the dispatcher accepts it (with the versions seen here) or overrides single deliveries.
/// </summary>
public static class ProposeAssignments
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Query(DateOnly Date) : IRequest<Proposal>;

    public sealed record Proposal(DateOnly Date, IReadOnlyList<ProposedRun> Runs, IReadOnlyList<UnplacedDelivery> Unplaced, long DistanceMetres);

    public sealed record ProposedRun(long CourierId, string CourierName, DeliveryChannel Channel, int DistanceMetres, IReadOnlyList<ProposedStop> Stops);

    public sealed record ProposedStop(long DeliveryId, int Version, string TrackingCode, string ZoneCode, string Window, TimeOnly Arrival, bool MeetsWindow);

    public sealed record UnplacedDelivery(long DeliveryId, string TrackingCode, string ZoneCode, DeliveryChannel? Channel);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Date).NotEqual(default(DateOnly)).WithMessage("Choose a date.");
    }

    internal sealed class Handler(PortalDbContext db, IRoutePlanner planner, RunPlanner runs) : IRequestHandler<Query, Proposal>
    {
        public async Task<Proposal> Handle(Query request, CancellationToken cancellationToken)
        {
            var waiting = await db.Deliveries.AsNoTracking()
                .Where(d => d.Window.Date == request.Date && (d.Status == DeliveryStatus.Waiting || d.Status == DeliveryStatus.Rescheduled))
                .ToListAsync(cancellationToken);
            var couriers = await db.Couriers.AsNoTracking().Where(c => c.IsActive).ToListAsync(cancellationToken);
            var zones = await db.Zones.Select(z => z.Code).ToListAsync(cancellationToken);
            var load = await runs.LoadOn(request.Date, cancellationToken);
            var planningCouriers = couriers
                .Select(c => RunPlanner.ForPlanning(c, c.CapacityPerDay - load.GetValueOrDefault(c.Id), zones))
                .Where(c => c.Capacity > 0)
                .ToList();

            var plan = planner.Propose(new PlanningProblem(planningCouriers, [.. waiting.Select(RunPlanner.ForPlanning)], new TravelModel()), cancellationToken);

            var byId = waiting.ToDictionary(d => d.Id);
            var courierById = couriers.ToDictionary(c => c.Id);
            return new Proposal(
                request.Date,
                [.. plan.Routes.Select(r => new ProposedRun(
                    r.CourierId,
                    courierById[r.CourierId].Name,
                    courierById[r.CourierId].Channel,
                    r.DistanceMetres,
                    [.. r.Visits.Select(v => Stop(byId[v.StopId], v))]))],
                [.. plan.Unassigned.Select(id => byId[id]).Select(d => new UnplacedDelivery(d.Id, d.TrackingCode.Value, d.ZoneCode, d.Channel))],
                plan.TotalDistanceMetres);
        }

        private static ProposedStop Stop(Delivery d, PlannedVisit visit) => new(
            d.Id, d.Version, d.TrackingCode.Value, d.ZoneCode, $"{d.Window.From:HH\\:mm}-{d.Window.To:HH\\:mm}", visit.Arrival, visit.MeetsWindow);
    }
}
