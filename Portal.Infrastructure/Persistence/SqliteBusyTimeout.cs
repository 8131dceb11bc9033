using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for a lock another connection holds (sqlite3_busy_timeout, polling every few
/// milliseconds) instead of failing at once into Microsoft.Data.Sqlite's managed retry, which sleeps 150 ms a
/// time. Writers outside a command (idempotency reservations, outbox claims, jobs) and a group commit opening its
/// transaction meet each other's locks all the time under load; a 150 ms sleep there was most of an order's p95.
/// </summary>
public sealed class SqliteBusyTimeout(TimeSpan wait) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA busy_timeout = {(int)wait.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
