using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>Cancels an order with a reason; its reserved stock is released in the same transaction.</summary>
public static class CancelOrder
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice)]
    public sealed record Command(string Number, string? Reason) : ICommand<Unit>;

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
            order.Cancel(request.Reason!, user.Name, clock.UtcNow);
            return Unit.Value;
        }
    }
}
