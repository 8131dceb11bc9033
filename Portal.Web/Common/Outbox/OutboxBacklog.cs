using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Common.Outbox;

/// <summary>What is waiting in the outbox: how many, how old the oldest is, and how long the most overdue has been due.</summary>
public sealed record OutboxBacklog(long Depth, TimeSpan OldestAge, TimeSpan LongestOverdue)
{
    public static async Task<OutboxBacklog> MeasureAsync(PortalDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var waiting = db.OutboxMessages.Where(m => m.DeliveredAtUtc == null && m.AbandonedAtUtc == null);
        var depth = await waiting.LongCountAsync(cancellationToken);
        if (depth == 0)
        {
            return new OutboxBacklog(0, TimeSpan.Zero, TimeSpan.Zero);
        }

        var oldest = await waiting.OrderBy(m => m.CreatedAtUtc).Select(m => m.CreatedAtUtc).FirstAsync(cancellationToken);
        var earliestDue = await waiting.OrderBy(m => m.DueAtUtc).Select(m => m.DueAtUtc).FirstAsync(cancellationToken);
        return new OutboxBacklog(depth, Positive(nowUtc - oldest), Positive(nowUtc - earliestDue));
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
