using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Errors;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>Cancels an order with a reason; its reserved stock is released in the same transaction.</summary>
public static class CancelOrder
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice)]
    /// <param name="ExpectedVersion">The order's version the user looked at; a page sends it so a colleague's change in between is reported, not overridden.</param>
    public sealed record Command(string Number, string? Reason, int? ExpectedVersion = null) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the order is cancelled.")
                .MaximumLength(500).WithMessage("The reason must be at most 500 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Number == request.Number, cancellationToken)
                ?? throw new NotFoundException($"Order {request.Number}");
            if (request.ExpectedVersion is { } expected && expected != order.Version)
            {
                throw new ConcurrencyConflictException($"Order {order.Number} was changed by someone else in the meantime. It has been reloaded: check it and try again.");
            }

            order.Cancel(request.Reason!, user.Actor, clock.UtcNow);
            return Unit.Value;
        }
    }
}
