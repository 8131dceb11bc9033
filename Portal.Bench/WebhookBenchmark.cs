using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Payments;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Web;
using Portal.Web.Api;
using Stripe;

namespace Portal.Bench;

/// <summary>
/// Stripe webhooks applied per second through the full pipeline (Kestrel on 127.0.0.1, signature check, one
/// transaction per event recording it, capturing the payment, posting the ledger and re-deriving the order), for
/// distinct payment_intent.succeeded events at each number of concurrent senders, on SQLite (a file in WAL mode) or
/// PostgreSQL (a throwaway cluster). Usage: dotnet run -c Release --project Portal.Bench -- webhooks [--engine sqlite|postgres] [events] [concurrency...]
/// </summary>
internal static class WebhookBenchmark
{
    public static async Task<BenchTable> RunAsync(string[] args)
    {
        var options = new BenchOptions(args.Skip(1));
        var engine = options.Take("--engine") ?? "sqlite";
        var events = options.At(0, 500);
        var concurrencies = options.Positional.Count > 1 ? options.Positional.Skip(1).Select(int.Parse).ToArray() : [1, 20];
        await using var host = await BenchHost.StartAsync(engine);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Enough stock that arranging the orders never sells out.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.StockItems.OrderBy(s => s.Id).FirstAsync(s => s.Sku == "ACC-CASE-CLEAR")).Receive(1_000_000);
            await db.SaveChangesAsync();
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(host.Address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoAccounts.IntakeKey);

        var table = new BenchTable("webhooks", engine, "event", "concurrency", "events", "events/s", "p50 ms", "p95 ms", "max ms", "CPU ms/event");
        table.Note("Closed loop: each sender posts its next signed event when the last is answered; every event must answer Applied. CPU ms/event: this process (portal and senders).");
        await Measure(http, host.Services, table, "warm-up", 4, Math.Min(50, events), print: false);
        foreach (var concurrency in concurrencies)
        {
            table.Note($"Before {concurrency} senders: the process used {await BenchHost.IdleCoresAsync(TimeSpan.FromSeconds(3)):0.00} cores idle (included in CPU ms/event).");
            await Measure(http, host.Services, table, "payment_intent.succeeded", concurrency, events, print: true);
        }

        return table;
    }

    private static async Task Measure(HttpClient http, IServiceProvider services, BenchTable table, string name, int concurrency, int count, bool print)
    {
        var payloads = await Arrange(http, services, count);
        var latencies = new double[count];
        var next = -1;
        var failures = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int slot;
            while ((slot = Interlocked.Increment(ref next)) < count)
            {
                var payload = payloads[slot];
                using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoints.Route)
                {
                    Content = new StringContent(payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation(
                    StripeSignature.Header, StripeSignature.Sign(payload, StripeOptions.DevelopmentWebhookSecret, DateTimeOffset.UtcNow));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || !body.Contains("\"Applied\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        clock.Stop();
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {count} webhooks were not applied");
        }

        if (print)
        {
            Array.Sort(latencies);
            table.Add(name, concurrency, count, Math.Round(count / clock.Elapsed.TotalSeconds), latencies[count / 2], latencies[(int)(count * 0.95)], latencies[^1],
                (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count);
        }
    }

    /// <summary>Online pre-orders placed through the API, each with a started payment, and the success event for each.</summary>
    private static async Task<string[]> Arrange(HttpClient http, IServiceProvider services, int count)
    {
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
        var numbers = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/api/v1/orders", new
            {
                flow = "PreOrderDelivery",
                customer = new { name = "压测客户", phone = $"136{Random.Shared.Next(100_000_000):D8}", address = new { city = "广州市", district = "天河区", line = "天河路385号" } },
                lines = new[] { new { sku = "ACC-CASE-CLEAR", quantity = 1 } },
                payment = "Online",
                deliveryWindow = new { date = tomorrow, slot = "14:00-18:00" },
            }, ct);
            response.EnsureSuccessStatusCode();
            numbers[i] = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["number"]!.GetValue<string>();
        });

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var orders = await db.Orders.AsNoTracking().Where(o => numbers.Contains(o.Number)).ToDictionaryAsync(o => o.Number);
        var payloads = new string[count];
        for (var i = 0; i < count; i++)
        {
            var order = orders[numbers[i]];
            var payment = Payment.StartOnline(Guid.NewGuid(), order.Number, order.Total, "bench", DateTime.UtcNow);
            var intent = $"pi_{Guid.NewGuid():N}"[..27];
            payment.AttachProviderReference(intent);
            db.Payments.Add(payment);
            payloads[i] = Succeeded(intent, payment.Key, order.Number, order.Total.ToMinorUnits());
        }

        await db.SaveChangesAsync();
        return payloads;
    }

    private static string Succeeded(string intent, Guid key, string order, long amount) => new JsonObject
    {
        ["id"] = $"evt_{Guid.NewGuid():N}",
        ["object"] = "event",
        ["api_version"] = StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["type"] = EventTypes.PaymentIntentSucceeded,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = intent,
                ["object"] = "payment_intent",
                ["amount"] = amount,
                ["amount_received"] = amount,
                ["currency"] = "cny",
                ["status"] = "succeeded",
                ["metadata"] = new JsonObject { [StripeGateway.OrderNumberKey] = order, [StripeGateway.PaymentKeyKey] = key.ToString() },
            },
        },
    }.ToJsonString();
}
