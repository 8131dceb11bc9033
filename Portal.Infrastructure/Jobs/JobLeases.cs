using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Takes and renews job leases in the database, so that of N portal nodes exactly one runs a given job at a time.
/// A lease is taken atomically: renew-or-steal-if-expired is one conditional UPDATE, and the first lease of a job is
/// an INSERT that only one node can win (the job name is the key).
/// </summary>
public sealed class JobLeases(IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
    /// <summary>This node (one running portal); unique even for several portals in one process.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>True when this node now holds the lease of <paramref name="job"/> for <paramref name="duration"/>.</summary>
    public async Task<bool> TryTakeAsync(string job, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.Holder == Holder || l.ExpiresAtUtc <= now))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, Holder).SetProperty(x => x.ExpiresAtUtc, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        db.JobLeases.Add(JobLease.Take(job, Holder, until));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (WriteConflicts.IsDuplicateKey(ex))
        {
            return false; // another node holds it
        }
    }

    /// <summary>Gives the lease up (e.g. on shutdown) so another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string job, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.JobLeases
            .Where(l => l.Name == job && l.Holder == Holder)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAtUtc, now), cancellationToken);
    }
}
