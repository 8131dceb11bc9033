using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infrastructure.Persistence.Providers;

// Used only by `dotnet ef` (scripts/add-migration.sh) to build each engine's model; no connection is opened,
// so the connection strings only have to parse.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        (SqlitePortalDbContext)PersistenceSetup.CreateContext(new PortalDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args) =>
        (PostgreSqlPortalDbContext)PersistenceSetup.CreateContext(new PortalDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=portal"));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        (SqlServerPortalDbContext)PersistenceSetup.CreateContext(new PortalDatabase(DatabaseProvider.SqlServer, "Server=localhost;Database=Portal;TrustServerCertificate=True"));
}
