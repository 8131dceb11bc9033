using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Infrastructure.Persistence;

/// <summary>How the database tells a writer that it lost a race, and how a writer queues for rows it must not lose.</summary>
public static class WriteConflicts
{
    /// <summary>
    /// True when running the whole transaction again may succeed: another transaction changed a row this one read
    /// (optimistic concurrency), inserted the same unique key first (e.g. the same new customer), or the engine
    /// chose this transaction as a deadlock or serialization victim.
    /// </summary>
    public static bool IsRetryable(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqlException { Number: 2601 or 2627 or 1205 } => true,
        DbException { IsTransient: true } => true,
        _ => exception.InnerException is { } inner && IsRetryable(inner),
    };

    /// <summary>The insert failed because another writer already stored the same unique key.</summary>
    public static bool IsDuplicateKey(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqlException { Number: 2601 or 2627 } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 } => true,
        _ => exception.InnerException is { } inner && IsDuplicateKey(inner),
    };

    /// <summary>
    /// On a server engine, takes the write lock of the stock rows of these SKUs until the transaction ends, so
    /// concurrent reservations of a scarce item queue in the database and each reads what the previous one left,
    /// instead of all but one failing optimistically. SQLite already serialises writers (immediate transactions).
    /// </summary>
    public static async Task LockStockAsync(this PortalDbContext db, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite() || skus.Count == 0)
        {
            return;
        }

        // A no-op update is the one portable way to lock rows through EF (no SELECT ... FOR UPDATE in LINQ). One row
        // at a time in id order: a multi-row UPDATE locks in physical order, which moves as rows are updated, and
        // two reservations locking the same rows in different orders deadlock.
        var rows = await db.StockItems.Where(s => skus.Contains(s.Sku)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in rows)
        {
            await db.StockItems.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version), cancellationToken);
        }
    }
}
