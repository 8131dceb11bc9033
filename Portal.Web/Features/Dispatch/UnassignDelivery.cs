using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

/// <summary>The dispatcher takes a delivery off a courier's run before pick-up; it waits for a courier again.</summary>
public static class UnassignDelivery
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Command(long DeliveryId, int ExpectedVersion, string Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a delivery.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why it comes off the run.").MaximumLength(200).WithMessage("Keep the reason under 200 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, RunPlanner runs) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == request.DeliveryId, cancellationToken)
                ?? throw new NotFoundException($"Delivery {request.DeliveryId}");
            if (delivery.Version != request.ExpectedVersion)
            {
                throw new DomainException("delivery.changed", $"Delivery {delivery.TrackingCode} was changed by someone else; reload the board");
            }

            var courier = delivery.CourierId;
            delivery.Unassign(request.Reason, user.Actor, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
            if (courier is { } id)
            {
                await runs.Replan(id, delivery.Window.Date, cancellationToken);
            }

            return Unit.Value;
        }
    }
}
