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
/// The dispatcher keeps a waiting delivery off proposals, with a reason and optionally the day it comes back by
/// itself. A repeated click changes nothing; a colleague's change since the board was read is reported.
/// </summary>
public static class HoldDelivery
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Command(long DeliveryId, int ExpectedVersion, string Reason, DateOnly? ReleaseOn) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a delivery.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why it is held.").MaximumLength(200).WithMessage("Keep the reason under 200 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == request.DeliveryId, cancellationToken)
                ?? throw new NotFoundException($"Delivery {request.DeliveryId}");
            if (!delivery.IsHeldAs(request.Reason, request.ReleaseOn))
            {
                DeliveryVersions.EnsureSeen(delivery, request.ExpectedVersion);
                delivery.Hold(request.Reason, request.ReleaseOn, user.Actor, clock.UtcNow);
            }

            return Unit.Value;
        }
    }
}
