using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Handover;

/// <summary>The courier does not accept the cashier's count and says why; the handover stays open until they sign.</summary>
public static class DisputeHandover
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(Guid HandoverId, string Note) : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Note).NotEmpty().WithMessage("Say what is wrong with the count.").MaximumLength(500);
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var handover = await db.CashHandovers.FirstOrDefaultAsync(h => h.Key == request.HandoverId && h.Courier == user.Name, cancellationToken)
                ?? throw new NotFoundException("Handover");
            handover.DisputeByCourier(user.Name, request.Note, clock.UtcNow);
            return true;
        }
    }
}
