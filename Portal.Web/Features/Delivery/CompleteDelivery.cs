using FluentValidation;
using MediatR;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Delivery;

/// <summary>The stop is done: every check passed and the goods are with the customer.</summary>
public static class CompleteDelivery
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, string? ReceivedBy, Guid? RequestId = null) : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.ReceivedBy).MaximumLength(50).WithMessage("Keep the name under 50 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            var changed = stop.Deliver(courier.Id, request.ReceivedBy, user.Actor, clock.UtcNow);
            return new StopChanged(stop.Id, stop.Status, changed);
        }
    }
}
