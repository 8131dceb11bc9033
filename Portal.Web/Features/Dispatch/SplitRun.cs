using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

/// <summary>
/// The dispatcher moves chosen stops of one courier's run to another courier: each move is recorded with the reason,
/// and both runs are routed again. All or nothing: if a colleague changed any of the stops since the board was read,
/// nothing moves and the dispatcher is told. Stops already with the other courier (a repeated click) are skipped.
/// </summary>
public static class SplitRun
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Command(long FromCourierId, long ToCourierId, IReadOnlyList<Stop> Stops, string Reason) : ICommand<Result>;

    public sealed record Stop(long DeliveryId, int ExpectedVersion);

    public sealed record Result(int Moved, string CourierName);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FromCourierId).GreaterThan(0).WithMessage("Choose the run to split.");
            RuleFor(c => c.ToCourierId).GreaterThan(0).WithMessage("Choose a courier.")
                .NotEqual(c => c.FromCourierId).WithMessage("Choose another courier than the one whose run is split.");
            RuleFor(c => c.Stops).NotEmpty().WithMessage("Choose the stops to move.")
                .Must(s => s.Count <= 200).WithMessage("Move at most 200 stops at once.")
                .Must(s => s.Select(x => x.DeliveryId).Distinct().Count() == s.Count).WithMessage("Choose each stop once.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the stops move.").MaximumLength(200).WithMessage("Keep the reason under 200 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, RunPlanner runs) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var to = await db.Couriers.FirstOrDefaultAsync(c => c.Id == request.ToCourierId, cancellationToken)
                ?? throw new NotFoundException($"Courier {request.ToCourierId}");
            var ids = request.Stops.Select(s => s.DeliveryId).ToList();
            var deliveries = await db.Deliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            if (ids.FirstOrDefault(id => !deliveries.ContainsKey(id)) is var missing and > 0)
            {
                throw new NotFoundException($"Delivery {missing}");
            }

            var moved = 0;
            var days = new HashSet<DateOnly>();
            foreach (var stop in request.Stops)
            {
                var delivery = deliveries[stop.DeliveryId];
                if (delivery.IsWith(to.Id))
                {
                    continue;
                }

                DeliveryVersions.EnsureSeen(delivery, stop.ExpectedVersion);
                var load = await db.Deliveries.CountAsync(
                    d => d.CourierId == to.Id && d.Window.Date == delivery.Window.Date && RunPlanner.OnRun.Contains(d.Status) && !ids.Contains(d.Id),
                    cancellationToken);
                var movedThatDay = request.Stops.Count(s => deliveries[s.DeliveryId] is { } other && other.IsWith(to.Id) && other.Window.Date == delivery.Window.Date);
                if (delivery.MoveToRun(request.FromCourierId, to, load + movedThatDay, request.Reason, user.Actor, clock.UtcNow))
                {
                    moved++;
                    days.Add(delivery.Window.Date);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var day in days)
            {
                await runs.Replan(to.Id, day, cancellationToken);
                await runs.Replan(request.FromCourierId, day, cancellationToken);
            }

            return new Result(moved, to.Name);
        }
    }
}
