using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// One test host's own empty database: a SQLite file in the temp folder, or a database on the shared PostgreSQL
/// cluster. Slice tests run on the engine named by PORTAL_TEST_DATABASE (Sqlite unless set; ./test.sh runs them once
/// per engine); tests that name an engine get that one.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _name;

    private TestDatabase(DatabaseProvider provider, string name, string connectionString)
    {
        Provider = provider;
        _name = name;
        ConnectionString = connectionString;
    }

    public static DatabaseProvider DefaultEngine { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("PORTAL_TEST_DATABASE"), ignoreCase: true, out var engine)
            ? engine
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var path = Path.Combine(Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db");
                return new TestDatabase(provider, path, $"Data Source={path}");
            case DatabaseProvider.PostgreSql:
                var server = PostgresServer.Instance;
                var name = await server.CreateDatabaseAsync();
                return new TestDatabase(provider, name, server.ConnectionString(name));
            default:
                throw new NotSupportedException($"No {provider} engine runs on this machine.");
        }
    }

    /// <summary>Points a portal's configuration at this database.</summary>
    public void Apply(IConfiguration configuration)
    {
        configuration["Database:Provider"] = Provider.ToString();
        configuration["ConnectionStrings:Portal"] = ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await PostgresServer.Instance.DropDatabaseAsync(_name);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
        {
            File.Delete(_name + suffix);
        }
    }
}
