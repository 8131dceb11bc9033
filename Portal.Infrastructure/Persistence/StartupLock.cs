using Microsoft.Data.SqlClient;
using Npgsql;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Nodes starting together must not migrate or seed the same database at once: on a server engine the first takes
/// a database-wide lock (a PostgreSQL advisory lock, SQL Server's sp_getapplock) on its own connection and the others
/// wait, then find the work done. A SQLite file serves one node, so there is nothing to lock.
/// </summary>
public static class StartupLock
{
    private const long AdvisoryKey = 0x506F7274616C; // "Portal"
    private const string AppLockResource = "portal-startup";

    public static async Task<IAsyncDisposable> AcquireAsync(PortalDatabase database, CancellationToken cancellationToken)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                var postgres = new NpgsqlConnection(database.ConnectionString);
                await postgres.OpenAsync(cancellationToken);
                await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryKey})", postgres) { CommandTimeout = 0 })
                {
                    await take.ExecuteNonQueryAsync(cancellationToken);
                }

                return new Held(postgres, () => new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryKey})", postgres));
            case DatabaseProvider.SqlServer:
                var sqlServer = new SqlConnection(database.ConnectionString);
                await sqlServer.OpenAsync(cancellationToken);
                await using (var take = new SqlCommand(
                    $"DECLARE @r int; EXEC @r = sp_getapplock @Resource = '{AppLockResource}', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1; " +
                    "IF @r < 0 THROW 50000, 'Could not take the start-up lock', 1;",
                    sqlServer) { CommandTimeout = 0 })
                {
                    await take.ExecuteNonQueryAsync(cancellationToken);
                }

                return new Held(sqlServer, () => new SqlCommand($"EXEC sp_releaseapplock @Resource = '{AppLockResource}', @LockOwner = 'Session'", sqlServer));
            default:
                return new Held(null, null);
        }
    }

    private sealed class Held(System.Data.Common.DbConnection? connection, Func<System.Data.Common.DbCommand>? release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection is null || release is null)
            {
                return;
            }

            await using (var command = release())
            {
                await command.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
