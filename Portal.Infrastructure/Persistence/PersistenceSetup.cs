using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence.Providers;

namespace Portal.Infrastructure.Persistence;

public static class PersistenceSetup
{
    /// <summary>As long as a command waits for its own timeout (30 s): SQLite waits for a lock, then gives up.</summary>
    private static readonly SqliteBusyTimeout BusyTimeout = new(TimeSpan.FromSeconds(30));

    /// <summary>Registers the DbContext factory (and a scoped context made from it) on the configured engine.</summary>
    public static IServiceCollection AddPortalPersistence(this IServiceCollection services, PortalDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton<ReferenceData.ReferenceDataCache>();
        services.AddDbContextFactory<PortalDbContext, ProviderContextFactory>(options => Configure(options, database));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, PortalDatabase database)
    {
        var assembly = typeof(PortalDbContext).Assembly.FullName;
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(assembly)).AddInterceptors(BusyTimeout),
            DatabaseProvider.PostgreSql => options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(assembly)),
            DatabaseProvider.SqlServer => options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(assembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database.Provider, null),
        };
    }

    /// <summary>A context of the engine's own subclass, which is what finds that engine's migrations.</summary>
    public static PortalDbContext CreateContext(DbContextOptions<PortalDbContext> options, DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqlitePortalDbContext(options),
        DatabaseProvider.PostgreSql => new PostgreSqlPortalDbContext(options),
        DatabaseProvider.SqlServer => new SqlServerPortalDbContext(options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>A context outside DI (tools, tests).</summary>
    public static PortalDbContext CreateContext(PortalDatabase database)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        Configure(options, database);
        return CreateContext(options.Options, database.Provider);
    }

    /// <summary>Creates the SQLite data folder if needed, applies migrations and switches a SQLite file to WAL.</summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private sealed class ProviderContextFactory(DbContextOptions<PortalDbContext> options, PortalDatabase database)
        : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => CreateContext(options, database.Provider);
    }
}
