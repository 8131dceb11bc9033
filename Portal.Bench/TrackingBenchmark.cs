using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;

namespace Portal.Bench;

/// <summary>
/// The customer's public tracking lookup at a fixed arrival rate (open loop: requests leave on schedule whether or not
/// earlier ones were answered, and latency counts from the scheduled moment, so a stall shows instead of hiding):
/// the JSON API (GET /api/v1/public/tracking/{code}?phoneLast4=) and the server-rendered /track form post.
/// Every lookup uses a real code with its phone's last four digits, so the failed-lookup limit (429 after 10 misses a
/// minute per address) never engages; successful lookups are not rate-limited. Usage:
///   dotnet run -c Release --project Portal.Bench -- tracking [--engine sqlite|postgres] [--rate 500] [--duration 10]
/// </summary>
internal static partial class TrackingBenchmark
{
    private sealed record Target(string Code, string PhoneLast4);

    public static async Task<BenchTable> RunAsync(string[] args)
    {
        var options = new BenchOptions(args.Skip(1));
        var engine = options.Take("--engine") ?? "sqlite";
        var rate = options.TakeNumber("--rate", 500);
        var duration = TimeSpan.FromSeconds(options.TakeNumber("--duration", 10));
        await using var host = await BenchHost.StartAsync(engine);
        var targets = await Targets(host.Services);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri(host.Address),
        };
        var token = await AntiforgeryToken(http);

        var table = new BenchTable("tracking", engine, "lookup", "rate/s", "seconds", "requests", "answered/s", "p50 ms", "p95 ms", "max ms", "CPU ms/req");
        table.Note($"Open loop at a fixed arrival rate over {targets.Length} real tracking codes (demo history); latency from the scheduled send. Goal p95 <= 20 ms at 500/s.");
        table.Note("CPU ms/req: this process's CPU time (the portal and the load generator both) per lookup; on a shared machine it moves less than latency does.");
        table.Note("Only failed lookups count towards the per-address limit, so no limit was changed for this run.");
        var lookups = new (string Name, Func<Target, Task<bool>> Send)[]
        {
            ("API GET /api/v1/public/tracking", t => Api(http, t)),
            ("page POST /track", t => Page(http, token, t)),
        };
        foreach (var (name, send) in lookups)
        {
            table.Note($"Before {name}: the process used {await BenchHost.IdleCoresAsync(TimeSpan.FromSeconds(3)):0.00} cores idle (included in CPU ms/req).");
            await Run(send, targets, Math.Min(rate, 100), TimeSpan.FromSeconds(Math.Min(2, duration.TotalSeconds))); // warm-up: JIT, pools, page cache
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (latencies, elapsed) = await Run(send, targets, rate, duration);
            table.Add(name, rate, duration.TotalSeconds, latencies.Length, latencies.Length / elapsed.TotalSeconds, latencies[latencies.Length / 2],
                latencies[(int)(latencies.Length * 0.95)], latencies[^1], (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / latencies.Length);
        }

        return table;
    }

    /// <summary>Sends <paramref name="rate"/> lookups a second for <paramref name="duration"/>; every one must find its delivery.</summary>
    private static async Task<(double[] Latencies, TimeSpan Elapsed)> Run(Func<Target, Task<bool>> send, Target[] targets, double rate, TimeSpan duration)
    {
        var count = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var latencies = new double[count];
        var failures = 0;
        var pending = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var slot = i;
            pending.Add(Task.Run(async () =>
            {
                if (!await send(targets[slot % targets.Length]))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[slot] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(pending);
        clock.Stop();
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {count} tracking lookups did not show the delivery");
        }

        Array.Sort(latencies);
        return (latencies, clock.Elapsed);
    }

    private static async Task<bool> Api(HttpClient http, Target target)
    {
        using var response = await http.GetAsync($"/api/v1/public/tracking/{target.Code}?phoneLast4={target.PhoneLast4}");
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && body.Contains(target.Code, StringComparison.Ordinal);
    }

    private static async Task<bool> Page(HttpClient http, string token, Target target)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "track",
            ["__RequestVerificationToken"] = token,
            ["Lookup.Code"] = target.Code,
            ["Lookup.PhoneLast4"] = target.PhoneLast4,
        });
        using var response = await http.PostAsync("/track", form);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && body.Contains("data-testid=\"track-result\"", StringComparison.Ordinal);
    }

    /// <summary>The form's antiforgery token; its cookie stays in the client's cookie jar for every post.</summary>
    private static async Task<string> AntiforgeryToken(HttpClient http)
    {
        var page = await http.GetStringAsync("/track");
        return TokenPattern().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The /track page carried no antiforgery token");
    }

    private static async Task<Target[]> Targets(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).Take(500).Select(d => new { d.TrackingCode, d.RecipientPhone }).ToListAsync();
        return deliveries.Count > 0
            ? [.. deliveries.Select(d => new Target(d.TrackingCode.Value, d.RecipientPhone.Value[^4..]))]
            : throw new InvalidOperationException("The demo data holds no deliveries to track");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
