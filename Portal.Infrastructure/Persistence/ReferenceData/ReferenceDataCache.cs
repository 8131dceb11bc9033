using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Inventory;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Persistence.ReferenceData;

/// <summary>What an order reads on every request and that changes rarely, as of one <see cref="ReferenceStamp"/>.</summary>
/// <remarks>The entities are detached and shared between requests: read them, never attach or change them.</remarks>
public sealed record ReferenceSnapshot(
    Guid Stamp,
    IReadOnlyDictionary<string, Product> ProductsBySku,
    IReadOnlyDictionary<string, Policy> PoliciesByCode,
    IReadOnlyDictionary<long, StockLocation> LocationsById,
    IReadOnlyDictionary<string, ApiClientIdentity> ActiveClientsByKeyHash);

/// <summary>An active integration client, as its key authenticates it.</summary>
public sealed record ApiClientIdentity(int Id, string Name, string Scopes);

/// <summary>
/// This node's copy of the reference data (one per process). Checked against the stored stamp on every use: one
/// primary-key read instead of a query per product, policy, location and API key; reloaded whole when it changed.
/// </summary>
public sealed class ReferenceDataCache
{
    private volatile ReferenceSnapshot? _snapshot;

    public async Task<ReferenceSnapshot> CurrentAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        // The stamp is read before the data: data newer than its stamp only causes one reload too many, never a stale copy.
        var stamp = await db.ReferenceStamps.AsNoTracking()
            .Where(s => s.Id == ReferenceStamp.SingleId)
            .Select(s => s.Stamp)
            .SingleAsync(cancellationToken);
        if (_snapshot is { } current && current.Stamp == stamp)
        {
            return current;
        }

        var loaded = new ReferenceSnapshot(
            stamp,
            await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Sku, StringComparer.Ordinal, cancellationToken),
            await db.Policies.AsNoTracking().ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken),
            await db.StockLocations.AsNoTracking().ToDictionaryAsync(l => l.Id, cancellationToken),
            await db.ApiClients.AsNoTracking()
                .Where(c => c.IsActive)
                .Select(c => new { c.KeyHash, c.Id, c.Name, c.Scopes })
                .ToDictionaryAsync(c => c.KeyHash, c => new ApiClientIdentity(c.Id, c.Name, c.Scopes), StringComparer.Ordinal, cancellationToken));
        _snapshot = loaded;
        return loaded;
    }
}
