using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

using Delivery = Portal.Domain.Dispatch.Delivery;

/// <summary>
/// The dispatcher gives one delivery to a courier, or moves it to another (override, with a reason). The version
/// the dispatcher saw must still be current: when a colleague acted first, this one is told and nothing changes.
/// </summary>
public static class AssignDelivery
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Command(long DeliveryId, long CourierId, int ExpectedVersion, string? Reason) : ICommand<Result>;

    public sealed record Result(long DeliveryId, int Version, string CourierName);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a delivery.");
            RuleFor(c => c.CourierId).GreaterThan(0).WithMessage("Choose a courier.");
            RuleFor(c => c.Reason).MaximumLength(200).WithMessage("Keep the reason under 200 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, RunPlanner runs) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == request.DeliveryId, cancellationToken)
                ?? throw new NotFoundException($"Delivery {request.DeliveryId}");
            var courier = await db.Couriers.FirstOrDefaultAsync(c => c.Id == request.CourierId, cancellationToken)
                ?? throw new NotFoundException($"Courier {request.CourierId}");
            await Assignments.Apply(db, runs, delivery, courier, request.ExpectedVersion, request.Reason, user.Actor, clock.UtcNow, cancellationToken);
            return new Result(delivery.Id, delivery.Version, courier.Name);
        }
    }
}

/// <summary>What assigning one delivery involves, shared by a single override and accepting a whole proposal.</summary>
internal static class Assignments
{
    public static async Task<bool> Apply(
        PortalDbContext db, RunPlanner runs, Delivery delivery, Courier courier, int expectedVersion, string? reason, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // Commands run one at a time per database (an immediate transaction on SQLite, the version check on the
        // server engines), so a colleague's change is visible here and is reported instead of overwritten.
        if (delivery.Version != expectedVersion)
        {
            var now = delivery.CourierId is { } id ? await db.Couriers.Where(c => c.Id == id).Select(c => c.Name).FirstAsync(cancellationToken) : null;
            throw new DomainException(
                "delivery.changed",
                now is null
                    ? $"Delivery {delivery.TrackingCode} was changed by someone else (it is {delivery.Status}); reload the board"
                    : $"Delivery {delivery.TrackingCode} was just given to {now} by someone else; reload the board");
        }

        var previous = delivery.CourierId;
        var load = await db.Deliveries.CountAsync(
            d => d.CourierId == courier.Id && d.Window.Date == delivery.Window.Date && RunPlanner.OnRun.Contains(d.Status) && d.Id != delivery.Id,
            cancellationToken);
        if (!delivery.AssignTo(courier, load, actor, nowUtc, reason))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await runs.Replan(courier.Id, delivery.Window.Date, cancellationToken);
        if (previous is { } before && before != courier.Id)
        {
            await runs.Replan(before, delivery.Window.Date, cancellationToken);
        }

        return true;
    }
}
