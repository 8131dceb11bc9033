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

/// <summary>The customer could not be served; a reason from the list is mandatory (with a note when it is Other).</summary>
public static class RecordFailedAttempt
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, FailureReason Reason, string? Note, Guid? RequestId = null) : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.Reason).IsInEnum().WithMessage("Choose a reason.");
            RuleFor(c => c.Note).NotEmpty().When(c => c.Reason == FailureReason.Other).WithMessage("Say what happened.");
            RuleFor(c => c.Note).MaximumLength(200).WithMessage("Keep the note under 200 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            var changed = stop.RecordFailedAttempt(courier.Id, request.Reason, request.Note, user.Actor, clock.UtcNow);
            return new StopChanged(stop.Id, stop.Status, changed);
        }
    }
}
