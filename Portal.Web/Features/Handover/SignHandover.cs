using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Handover;

/// <summary>The courier confirms the cashier's count on their phone; another courier's handover answers as unknown.</summary>
public static class SignHandover
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(Guid HandoverId) : ICommand<bool>;

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var handover = await db.CashHandovers.FirstOrDefaultAsync(h => h.Key == request.HandoverId && h.Courier == user.Name, cancellationToken)
                ?? throw new NotFoundException("Handover");
            handover.SignByCourier(user.Name, clock.UtcNow);
            return true;
        }
    }
}
