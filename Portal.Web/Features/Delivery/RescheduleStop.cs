using FluentValidation;
using MediatR;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Orders;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Delivery;

/// <summary>After a failed attempt the courier agrees a new window with the customer; dispatch assigns it again.</summary>
public static class RescheduleStop
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, DateOnly Date, string Slot, Guid? RequestId = null) : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.Date).NotEqual(default(DateOnly)).WithMessage("Choose the new date.");
            RuleFor(c => c.Slot).NotEmpty().WithMessage("Choose the new time slot.").MaximumLength(11).WithMessage("A slot looks like 14:00-18:00.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (_, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            if (stop.Status != DeliveryStatus.FailedAttempt)
            {
                throw new DomainException("delivery.invalid_transition", "Only a failed attempt is rescheduled from the stop page");
            }

            stop.Reschedule(DeliveryWindow.Parse(request.Date, request.Slot), user.Actor, clock.UtcNow, "Agreed with the customer at the door");
            return new StopChanged(stop.Id, stop.Status, true);
        }
    }
}
