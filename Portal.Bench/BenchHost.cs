using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure;
using Portal.Web;

namespace Portal.Bench;

/// <summary>
/// The portal in this process on Kestrel (127.0.0.1, a free port), seeded with the demo data, on a fresh SQLite file
/// (WAL mode) or a fresh database of the tests' throwaway PostgreSQL cluster; both removed on dispose.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresDatabase;

    private BenchHost(WebApplication app, string engine, string? sqliteFile, string? postgresDatabase)
    {
        App = app;
        Engine = engine;
        _sqliteFile = sqliteFile;
        _postgresDatabase = postgresDatabase;
        Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public WebApplication App { get; }

    public string Engine { get; }

    public string Address { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<BenchHost> StartAsync(string engine, Action<WebApplicationBuilder>? configure = null)
    {
        string? sqliteFile = null;
        string? postgresDatabase = null;
        PortalDatabase database;
        switch (engine)
        {
            case "sqlite":
                sqliteFile = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}.db");
                database = new PortalDatabase(DatabaseProvider.Sqlite, $"Data Source={sqliteFile}");
                break;
            case "postgres":
                postgresDatabase = await PostgresServer.Instance.CreateDatabaseAsync("bench");
                database = new PortalDatabase(DatabaseProvider.PostgreSql, PostgresServer.Instance.ConnectionString(postgresDatabase));
                break;
            default:
                throw new ArgumentException($"--engine must be sqlite or postgres, not '{engine}'");
        }

        var app = PortalApp.Build(
            new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = typeof(PortalApp).Assembly.GetName().Name },
            builder =>
            {
                builder.Configuration["Database:Provider"] = database.Provider.ToString();
                builder.Configuration["ConnectionStrings:Portal"] = database.ConnectionString;
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
                configure?.Invoke(builder);
            });
        await app.StartAsync();
        return new BenchHost(app, engine, sqliteFile, postgresDatabase);
    }

    /// <summary>
    /// The process's CPU use while no request is sent (background jobs, tiered JIT, GC), in cores; a per-request CPU
    /// figure includes it, so the table says how large it was.
    /// </summary>
    public static async Task<double> IdleCoresAsync(TimeSpan over)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        await Task.Delay(over);
        return (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu) / over;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresDatabase is not null)
        {
            await PostgresServer.Instance.DropDatabaseAsync(_postgresDatabase);
        }
    }
}
