using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;
using Portal.Web;

namespace Portal.Bench;

/// <summary>
/// Orders accepted per second through the full pipeline (Kestrel on 127.0.0.1, API key, validation, transaction,
/// stock reservation) on SQLite (a file in WAL mode) or PostgreSQL (a throwaway cluster, as the tests use, unless
/// --connection names a server). Usage:
///   dotnet run -c Release --project Portal.Bench -- intake [--engine sqlite|postgres] [--connection &lt;cs&gt;] [--nodes N]
///       [--open-loop &lt;orders/s&gt; --duration &lt;s&gt;] [--profile] [orders] [concurrency...]
/// Closed loop (the default): each client sends its next order when the last is answered. Open loop: orders arrive
/// at a fixed rate whatever the answers do, and latency counts from when an order was due, so a stall shows.
/// --nodes starts that many portal nodes on the same database and spreads the clients across them.
/// --profile places pre-orders one at a time and prints where an order's time goes (pipeline spans and SQL).
/// </summary>
internal static class IntakeBenchmark
{
    public static async Task<BenchTable> RunAsync(string[] args)
    {
        var named = new BenchOptions(args.Skip(1));
        var engine = named.Take("--engine") ?? "sqlite";
        var connection = named.Take("--connection");
        var nodeCount = (int)named.TakeNumber("--nodes", 1);
        var openLoopRate = named.Take("--open-loop") is { } rate ? double.Parse(rate) : (double?)null;
        var duration = named.TakeNumber("--duration", 60);
        var profile = named.TakeFlag("--profile");
        var options = named.Positional.ToList();
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

        var nodes = new List<WebApplication>();
        for (var n = 0; n < nodeCount; n++)
        {
            nodes.Add(await StartNode(database)); // one after another: the first migrates and seeds, the others find it done
        }

        await using (var scope = nodes[0].Services.CreateAsyncScope())
        {
            // Enough stock that the benchmark measures ordering, not selling out.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var item = await db.StockItems.OrderBy(s => s.Id).FirstAsync(s => s.Sku == "ACC-CASE-CLEAR");
            item.Receive(1_000_000);
            await db.SaveChangesAsync();
        }

        var clients = nodes.Select(node =>
        {
            var address = node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Add("X-Api-Key", DemoAccounts.IntakeKey);
            return http;
        }).ToArray();

        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
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
        async Task<double> Place(int client, Func<int, object> body, long dueTimestamp)
        {
            using var response = await clients[client % clients.Length].PostAsJsonAsync("/api/v1/orders", body(Interlocked.Increment(ref sequence)));
            var latency = Stopwatch.GetElapsedTime(dueTimestamp).TotalMilliseconds;
            return (int)response.StatusCode == 201
                ? latency
                : throw new InvalidOperationException($"An order was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var engineName = $"{database.Provider}, {nodeCount} node(s)";
        var flows = new (string Name, Func<int, object> Body)[] { ("PreOrderDelivery", PreOrder), ("Direct", Direct) };
        BenchTable table;
        if (profile)
        {
            table = new BenchTable("intake --profile", engineName, "part", "ms per order", "SQL commands per order", "SQL ms per order");
            await ClosedLoop(flows[0].Body, 4, Math.Min(100, orders)); // warm-up: JIT, connection pool, page cache
            await Profile(table, count => ClosedLoop(flows[0].Body, 1, count), orders);
        }
        else if (openLoopRate is { } perSecond)
        {
            table = new BenchTable("intake --open-loop", engineName, "flow", "arrivals/s", "seconds", "orders", "answered/s", "p50 ms", "p95 ms", "p99 ms");
            foreach (var (name, body) in flows)
            {
                await ClosedLoop(body, 4, 100);
                var (latencies, elapsed) = await OpenLoop(body, perSecond, duration);
                table.Add(name, perSecond, duration, latencies.Length, Math.Round(latencies.Length / elapsed), Percentile(latencies, 0.5), Percentile(latencies, 0.95), Percentile(latencies, 0.99));
            }
        }
        else
        {
            table = new BenchTable("intake", engineName, "flow", "clients", "orders", "orders/s", "p50 ms", "p95 ms");
            foreach (var (name, body) in flows)
            {
                await ClosedLoop(body, 4, Math.Min(50, orders));
                foreach (var concurrency in concurrencies)
                {
                    var (latencies, elapsed) = await ClosedLoop(body, concurrency, orders);
                    table.Add(name, concurrency, orders, Math.Round(orders / elapsed), Percentile(latencies, 0.5), Percentile(latencies, 0.95));
                }
            }
        }

        foreach (var node in nodes)
        {
            await node.StopAsync();
            await node.DisposeAsync();
        }

        if (sqliteFile is not null)
        {
            SqliteCleanup(sqliteFile);
        }

        if (throwawayDatabase is not null)
        {
            await PostgresServer.Instance.DropDatabaseAsync(throwawayDatabase);
        }

        return table;

        async Task<(double[] Latencies, double Seconds)> ClosedLoop(Func<int, object> body, int concurrency, int count)
        {
            var latencies = new double[count];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async client =>
            {
                int slot;
                while ((slot = Interlocked.Increment(ref next)) < count)
                {
                    latencies[slot] = await Place(client, body, Stopwatch.GetTimestamp());
                }
            }));
            return (latencies, clock.Elapsed.TotalSeconds);
        }

        async Task<(double[] Latencies, double Seconds)> OpenLoop(Func<int, object> body, double perSecond, double seconds)
        {
            var count = (int)(perSecond * seconds);
            var placed = new Task<double>[count];
            var start = Stopwatch.GetTimestamp();
            for (var k = 0; k < count; k++)
            {
                var due = start + (long)(k * Stopwatch.Frequency / perSecond);
                var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (ahead > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(ahead);
                }

                // Late arrivals are sent at once; their latency still counts from when they were due.
                var client = k;
                placed[k] = Task.Run(() => Place(client, body, due));
            }

            var latencies = await Task.WhenAll(placed);
            return (latencies, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }

    private static async Task<WebApplication> StartNode(PortalDatabase database)
    {
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
        return app;
    }

    /// <summary>Orders one at a time while listening to the pipeline's spans and EF Core's commands: where an order's time goes.</summary>
    private static async Task Profile(BenchTable table, Func<int, Task<(double[] Latencies, double Seconds)>> placeOneByOne, int count)
    {
        using var recorder = new IntakeProfile();
        var (latencies, _) = await placeOneByOne(count);
        table.Note($"{count} pre-orders one at a time: client round trip mean {latencies.Average():0.00} ms, p95 {Percentile(latencies, 0.95):0.00} ms");
        foreach (var part in recorder.Parts())
        {
            table.Add(part.Name, part.Milliseconds / count, (double)part.Commands / count, part.CommandMilliseconds / count);
        }
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];
    }

    private static void SqliteCleanup(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
