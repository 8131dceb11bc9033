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

/// <summary>The courier took the amount due in cash or by POS (the payments panel records the money itself).</summary>
public static class CollectPayment
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, decimal Amount, Guid? RequestId = null) : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.Amount).GreaterThan(0).WithMessage("Enter the amount collected.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            var changed = stop.RecordPaymentCollected(courier.Id, Money.Yuan(request.Amount));
            return new StopChanged(stop.Id, stop.Status, changed);
        }
    }
}
