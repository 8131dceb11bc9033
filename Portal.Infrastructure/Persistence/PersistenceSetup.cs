using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Persistence;

public static class PersistenceSetup
{
    /// <summary>
    /// Registers the DbContext factory (and a scoped context made from it) on SQLite.
    /// Hand-written migrations have no model snapshot, so EF's pending-model-changes check is off;
    /// the schema test (migrated vs EnsureCreated) is what guards drift.
    /// </summary>
    public static IServiceCollection AddPortalPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<PortalDbContext>(options => Configure(options, connectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(PortalDbContext).Assembly.FullName))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>Creates the data folder if needed, applies migrations and switches the file to WAL.</summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
