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

/// <summary>After a failed attempt the parcel goes back to the station and its goods into stock.</summary>
public static class ReturnToStock
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, Guid? RequestId = null) : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");

        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            if (stop.Status != DeliveryStatus.Returned)
            {
                stop.Return(user.Actor, clock.UtcNow, "Brought back to the station");
                return new StopChanged(stop.Id, stop.Status, true);
            }

            return new StopChanged(stop.Id, stop.Status, false);
        }
    }
}
