using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Persistence.Providers;

// One small subclass per engine (docs/adr/0004): each owns its migration set and model snapshot under
// Migrations/<Provider>/, and adds the concurrency token its engine keeps for free.

/// <summary>SQLite: races are serialised by the immediate write transaction; the domain's Version columns catch lost updates.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options);

/// <summary>PostgreSQL: every aggregate is checked against the row's system column <c>xmin</c>, which changes on every update.</summary>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var aggregate in Aggregates(builder))
        {
            builder.Entity(aggregate).Property<uint>(RowVersionProperty).IsRowVersion();
        }
    }
}

/// <summary>SQL Server: every aggregate carries a <c>rowversion</c> column that the engine bumps on every update.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var aggregate in Aggregates(builder))
        {
            builder.Entity(aggregate).Property<byte[]>(RowVersionProperty).IsRowVersion();
        }
    }
}
