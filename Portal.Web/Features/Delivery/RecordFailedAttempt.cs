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

/// <summary>
/// The customer could not be served; a reason from the list is mandatory (with a note when it is Other), a photo
/// optional. The photo is written in the same transaction: a refused photo records no failure either.
/// </summary>
public static class RecordFailedAttempt
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, FailureReason Reason, string? Note, Guid? RequestId = null, Photo? Photo = null)
        : ICommand<StopChanged>, IIdempotentCommand;

    /// <summary>The image as the phone sent it.</summary>
    public sealed record Photo(string ContentType, byte[] Content);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.Reason).IsInEnum().WithMessage("Choose a reason.");
            RuleFor(c => c.Note).NotEmpty().When(c => c.Reason == FailureReason.Other).WithMessage("Say what happened.");
            RuleFor(c => c.Note).MaximumLength(200).WithMessage("Keep the note under 200 characters.");
            RuleFor(c => DeliveryPhoto.Problem(c.Photo!.ContentType, c.Photo.Content)).Null().When(c => c.Photo is not null)
                .OverridePropertyName(nameof(Command.Photo))
                .WithMessage(c => DeliveryPhoto.Problem(c.Photo!.ContentType, c.Photo.Content));
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            var changed = stop.RecordFailedAttempt(courier.Id, request.Reason, request.Note, user.Actor, clock.UtcNow);
            if (changed && request.Photo is { } photo)
            {
                db.DeliveryPhotos.Add(DeliveryPhoto.AtFailedAttempt(stop, courier.Id, photo.ContentType, photo.Content, clock.UtcNow));
            }

            return new StopChanged(stop.Id, stop.Status, changed);
        }
    }
}
