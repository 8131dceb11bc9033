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

/// <summary>The customer signs on the courier's screen; the PNG is checked and referenced by its hash.</summary>
public static class CaptureSignature
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, string SignaturePng, Guid? RequestId = null) : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.SignaturePng).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Ask the customer to sign.")
                .MaximumLength(400_000).WithMessage("The signature image is too large.")
                .Must(Signatures.IsPngDataUrl).WithMessage("The signature must be a PNG image.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            stop.CaptureSignature(courier.Id, Signatures.Reference(request.SignaturePng));
            return new StopChanged(stop.Id, stop.Status, true);
        }
    }
}
