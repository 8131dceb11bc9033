using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Delivery;

/// <summary>Real-name registration: the presented ID is checked against the order's customer; only its last 4 are kept.</summary>
public static class CheckCustomerId
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, IdDocumentType DocumentType, string Number, Guid? RequestId = null) : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.DocumentType).IsInEnum().WithMessage("Choose the kind of document.");
            RuleFor(c => c.Number).NotEmpty().WithMessage("Enter the document number.").MaximumLength(20).WithMessage("A document number has at most 20 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            var onFile = await db.Orders.Where(o => o.Number == stop.OrderNumber)
                .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => c.IdNumber)
                .FirstOrDefaultAsync(cancellationToken);
            var changed = stop.CheckIdentity(courier.Id, request.DocumentType, request.Number, onFile?.Value, clock.UtcNow);
            return new StopChanged(stop.Id, stop.Status, changed);
        }
    }
}
