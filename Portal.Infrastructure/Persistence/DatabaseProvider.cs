using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Persistence;

/// <summary>Configuration "Database:Provider": which engine holds the portal's data.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file; one node only. The default.</summary>
    Sqlite,

    PostgreSql,

    SqlServer,
}

/// <summary>The engine and the connection string ("ConnectionStrings:Portal") the portal runs on.</summary>
public sealed record PortalDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/portal.db";

    /// <summary>Whether this engine can serve several portal nodes (and so decides every race itself).</summary>
    public bool IsServer => Provider != DatabaseProvider.Sqlite;

    /// <summary>
    /// Reads the provider name (case-insensitive) and the connection string. A relative SQLite file is placed under
    /// <paramref name="contentRoot"/>, so the app runs from any working folder.
    /// </summary>
    public static PortalDatabase From(string? provider, string? connectionString, string contentRoot)
    {
        var kind = string.IsNullOrWhiteSpace(provider)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"Database:Provider '{provider}' is not one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        if (kind != DatabaseProvider.Sqlite)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException($"ConnectionStrings:Portal is required when Database:Provider is {kind}.")
                : new PortalDatabase(kind, connectionString);
        }

        var csb = new SqliteConnectionStringBuilder(connectionString ?? DefaultSqliteConnectionString);
        if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
        {
            csb.DataSource = Path.Combine(contentRoot, csb.DataSource);
        }

        csb.Pooling = true;
        csb.DefaultTimeout = 30;
        return new PortalDatabase(kind, csb.ToString());
    }
}
