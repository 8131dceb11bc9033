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
/// The dispatcher accepts the proposal as shown. Deliveries a colleague changed meanwhile (or that no longer fit)
/// are skipped and listed with the reason; the rest are assigned in one transaction.
/// </summary>
public static class AcceptProposal
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Command(IReadOnlyList<Item> Items) : ICommand<Result>;

    public sealed record Item(long DeliveryId, long CourierId, int ExpectedVersion);

    public sealed record Result(int Assigned, IReadOnlyList<Skipped> Skipped);

    public sealed record Skipped(long DeliveryId, string Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Items).NotEmpty().WithMessage("The proposal is empty.");
            RuleFor(c => c.Items.Count).LessThanOrEqualTo(2000).WithMessage("Accept at most 2,000 deliveries at once.");
            RuleFor(c => c.Items).Must(i => i.Select(x => x.DeliveryId).Distinct().Count() == i.Count).WithMessage("A delivery appears twice.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, RunPlanner runs) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var ids = request.Items.Select(i => i.DeliveryId).ToList();
            var deliveries = await db.Deliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            var courierIds = request.Items.Select(i => i.CourierId).Distinct().ToList();
            var couriers = await db.Couriers.Where(c => courierIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            var skipped = new List<Skipped>();
            var assigned = 0;
            var touched = new HashSet<(long Courier, DateOnly Date)>();
            foreach (var item in request.Items)
            {
                if (!deliveries.TryGetValue(item.DeliveryId, out var delivery) || !couriers.TryGetValue(item.CourierId, out var courier))
                {
                    skipped.Add(new Skipped(item.DeliveryId, "Not found"));
                    continue;
                }

                try
                {
                    var load = await db.Deliveries.CountAsync(
                        d => d.CourierId == courier.Id && d.Window.Date == delivery.Window.Date && RunPlanner.OnRun.Contains(d.Status),
                        cancellationToken);
                    if (delivery.Version != item.ExpectedVersion)
                    {
                        throw new DomainException("delivery.changed", $"Delivery {delivery.TrackingCode} was changed by someone else; reload the board");
                    }

                    if (delivery.AssignTo(courier, load, user.Actor, clock.UtcNow))
                    {
                        assigned++;
                        touched.Add((courier.Id, delivery.Window.Date));
                        await db.SaveChangesAsync(cancellationToken);
                    }
                }
                catch (DomainException ex)
                {
                    skipped.Add(new Skipped(item.DeliveryId, ex.Message));
                }
            }

            foreach (var (courier, date) in touched)
            {
                await runs.Replan(courier, date, cancellationToken);
            }

            return new Result(assigned, skipped);
        }
    }
}
