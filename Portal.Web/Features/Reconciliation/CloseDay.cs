using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common.Telemetry;

namespace Portal.Web.Features.Reconciliation;

/// <summary>Finance closes a day once nothing of it is on the worklist and no variance of it waits; it then takes no postings.</summary>
public static class CloseDay
{
    [AuthorizeRequest(Roles.Finance)]
    public sealed record Command(DateOnly Day) : ICommand<bool>;

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, PortalMetrics metrics) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var periods = new PeriodLock(await db.ClosedPeriods.AsNoTracking().ToListAsync(cancellationToken));
            if (periods.IsClosed(request.Day))
            {
                throw new DomainException("audit.period_closed", $"{request.Day:yyyy-MM-dd} is already closed");
            }

            var now = clock.UtcNow;
            await AuditBooks.MatchAroundAsync(db, metrics, request.Day, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var open = await GetReconciliation.OpenItemsAsync(db, request.Day, now, cancellationToken);
            db.ClosedPeriods.Add(ClosedPeriod.CloseDay(request.Day, open, user.Actor, now));
            return true;
        }
    }
}
