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

        // Another node may deliver the last messages between these reads: then the backlog is empty.
        var oldest = await waiting.OrderBy(m => m.CreatedAtUtc).Select(m => (DateTime?)m.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var earliestDue = await waiting.OrderBy(m => m.DueAtUtc).Select(m => (DateTime?)m.DueAtUtc).FirstOrDefaultAsync(cancellationToken);
        return oldest is null || earliestDue is null
            ? new OutboxBacklog(0, TimeSpan.Zero, TimeSpan.Zero)
            : new OutboxBacklog(depth, Positive(nowUtc - oldest.Value), Positive(nowUtc - earliestDue.Value));
    }

    private static TimeSpan Positive(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
