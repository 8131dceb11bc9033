using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Inventory;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;
using Portal.Web;

namespace Portal.Bench;

/// <summary>
/// Orders accepted per second through the full pipeline (Kestrel on 127.0.0.1, API key, validation, transaction,
/// stock reservation) on SQLite (a file in WAL mode) or PostgreSQL (a throwaway cluster, as the tests use, unless
/// --connection names a server). Usage:
///   dotnet run -c Release --project Portal.Bench -- intake [--engine sqlite|postgres] [--connection <cs>] [orders] [concurrency...]
/// </summary>
internal static class IntakeBenchmark
{
    public static async Task<BenchTable> RunAsync(string[] args)
    {
        var options = args.Skip(1).ToList();
        var engine = TakeOption(options, "--engine") ?? "sqlite";
        var connection = TakeOption(options, "--connection");
        var orders = options.Count > 0 ? int.Parse(options[0]) : 1000;
        var concurrencies = options.Count > 1 ? options[1..].Select(int.Parse).ToArray() : [1, 8, 50];

        PortalDatabase database;
        string? sqliteFile = null;
        string? throwawayDatabase = null;
        switch (engine)
        {
            case "sqlite":
                sqliteFile = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}.db");
                database = new PortalDatabase(DatabaseProvider.Sqlite, $"Data Source={sqliteFile}");
                break;
            case "postgres" when connection is not null:
                database = new PortalDatabase(DatabaseProvider.PostgreSql, connection);
                break;
            case "postgres":
                throwawayDatabase = await PostgresServer.Instance.CreateDatabaseAsync("bench");
                database = new PortalDatabase(DatabaseProvider.PostgreSql, PostgresServer.Instance.ConnectionString(throwawayDatabase));
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
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Enough stock that the benchmark measures ordering, not selling out.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var item = await db.StockItems.OrderBy(s => s.Id).FirstAsync(s => s.Sku == "ACC-CASE-CLEAR");
            item.Receive(1_000_000);
            await db.SaveChangesAsync();
        }

        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoAccounts.IntakeKey);

        object PreOrder(int i) => new
        {
            flow = "PreOrderDelivery",
            customer = new { name = "压测客户", phone = $"139{i % 100_000_000:D8}", address = new { city = "广州市", district = "天河区", line = "天河路385号" } },
            lines = new[] { new { sku = "ACC-CASE-CLEAR", quantity = 1 } },
            payment = "CashOnDelivery",
            deliveryWindow = new { date = tomorrow, slot = "14:00-18:00" },
        };

        object Direct(int i) => new
        {
            flow = "Direct",
            customer = new { name = "压测客户", phone = $"137{i % 100_000_000:D8}" },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        };

        var sequence = 0;
        var table = new BenchTable("intake", engine, "flow", "concurrency", "orders", "orders/s", "p50 ms", "p95 ms");
        foreach (var (name, body) in new (string, Func<int, object>)[] { ("PreOrderDelivery", PreOrder), ("Direct", Direct) })
        {
            await Run(name, body, 4, Math.Min(50, orders), print: false); // warm-up: JIT, connection pool, SQLite page cache
            foreach (var concurrency in concurrencies)
            {
                await Run(name, body, concurrency, orders, print: true);
            }
        }

        await app.StopAsync();
        if (sqliteFile is not null)
        {
            SqliteCleanup(sqliteFile);
        }

        if (throwawayDatabase is not null)
        {
            await PostgresServer.Instance.DropDatabaseAsync(throwawayDatabase);
        }

        return table;

        async Task Run(string name, Func<int, object> body, int concurrency, int count, bool print)
        {
            var latencies = new double[count];
            var next = -1;
            var failures = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int slot;
                while ((slot = Interlocked.Increment(ref next)) < count)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsJsonAsync("/api/v1/orders", body(Interlocked.Increment(ref sequence)));
                    latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if ((int)response.StatusCode != 201)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }));
            clock.Stop();
            if (failures > 0)
            {
                throw new InvalidOperationException($"{failures} of {count} {name} orders were not accepted");
            }

            if (print)
            {
                Array.Sort(latencies);
                table.Add(name, concurrency, count, Math.Round(count / clock.Elapsed.TotalSeconds), latencies[count / 2], latencies[(int)(count * 0.95)]);
            }
        }

        static string? TakeOption(List<string> args, string name)
        {
            var at = args.IndexOf(name);
            if (at < 0)
            {
                return null;
            }

            var value = at + 1 < args.Count ? args[at + 1] : throw new ArgumentException($"{name} needs a value");
            args.RemoveRange(at, 2);
            return value;
        }

        static void SqliteCleanup(string path)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
