using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Outbox;

/// <summary>
/// Sends a failed message again with a fresh set of attempts, or a waiting one now rather than after its back-off.
/// One conditional update, like the dispatcher's claim: a message a node is delivering right now is left alone,
/// so a retry never makes a second delivery.
/// </summary>
public static class RetryOutboxMessage
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(long Id) : ICommand<MediatR.Unit>;

    internal sealed class Handler(PortalDbContext db, TimeProvider time, OutboxSignal signal) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var rows = await db.OutboxMessages
                .Where(m => m.Id == request.Id && m.DeliveredAtUtc == null && (m.ClaimToken == null || m.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.AbandonedAtUtc, (DateTime?)null)
                        .SetProperty(m => m.ClaimToken, (Guid?)null)
                        .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                        .SetProperty(m => m.Attempts, 0)
                        .SetProperty(m => m.DueAtUtc, now),
                    cancellationToken);
            if (rows == 1)
            {
                signal.Notify();
                return MediatR.Unit.Value;
            }

            var state = await db.OutboxMessages.Where(m => m.Id == request.Id).Select(m => new { m.DeliveredAtUtc }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Outbox message");
            throw state.DeliveredAtUtc is not null
                ? new DomainException("outbox.delivered", "This message was already sent.")
                : new DomainException("outbox.delivering", "This message is being sent right now; look again in a minute.");
        }
    }
}
