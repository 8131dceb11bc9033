using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Documents;
using Portal.Web;
using Portal.Web.Features.Documents;

namespace Portal.Bench;

/// <summary>
/// Run manifests printed to PDF by the portal's warm Chromium: one 50-stop manifest at a time (p50/p95 over 100,
/// after a warm-up, with the Razor render and the print timed apart), 100 more each printed ahead and then asked
/// for (what a planned run's manifest costs a request), then 300 different 50-stop manifests rendered and printed
/// as fast as the print pool allows. CPU per document counts this process and every process it started
/// (the Playwright driver, Chromium's browser, renderer and GPU processes), so it holds up on a busy machine where
/// wall-clock times do not. Usage: dotnet run -c Release --project Portal.Bench -- manifests [documents] [batch]
/// </summary>
internal static class ManifestBenchmark
{
    public static async Task<BenchTable> RunAsync(string[] args)
    {
        var documents = args.Length > 1 ? int.Parse(args[1]) : 100;
        var batch = args.Length > 2 ? int.Parse(args[2]) : 300;
        var database = Path.Combine(Path.GetTempPath(), $"portal-bench-manifests-{Guid.NewGuid():N}.db");
        var app = PortalApp.Build(
            new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = typeof(PortalApp).Assembly.GetName().Name },
            builder =>
            {
                builder.Configuration["ConnectionStrings:Portal"] = $"Data Source={database}";
                builder.Logging.ClearProviders();
            });
        await app.StartAsync();
        var renderer = app.Services.GetRequiredService<IDocumentRenderer>();
        await renderer.WarmUpAsync();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DocumentOptions>>().Value;

        for (var i = 0; i < 5; i++)
        {
            await Print(renderer, Manifest(i, 50)); // JIT, tab pool, font cache
        }

        var latencies = new double[documents];
        var renders = new double[documents];
        var bytes = 0L;
        var cpuBefore = ProcessTreeCpu();
        for (var i = 0; i < documents; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var html = await Render(renderer, Manifest(1000 + i, 50));
            renders[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            bytes += (await renderer.PrintPdfAsync(html)).Length;
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var cpu = ProcessTreeCpu() - cpuBefore;
        Array.Sort(latencies);
        Array.Sort(renders);
        var table = new BenchTable("manifests", "none", "run", "PDFs", "seconds", "p50 ms", "p95 ms", "max ms", "PDFs/s", "CPU ms per PDF", "KB each");
        table.Add("50-stop manifest, warm, one at a time", documents, "", latencies[documents / 2], latencies[(int)(documents * 0.95)], latencies[^1], "", cpu.TotalMilliseconds / documents, bytes / documents / 1024);
        table.Note($"Razor render p50 {renders[documents / 2]:0.0} ms; CPU counts this process and every Chromium and driver process it started.");

        // Printed ahead, as the portal does once a run is planned (PrintManifestAhead), then asked for: the request
        // renders the page to know which document it is and is served the PDF printed before.
        for (var i = 0; i < documents; i++)
        {
            await Print(renderer, Manifest(2000 + i, 50));
        }

        var served = new double[documents];
        for (var i = 0; i < documents; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await Print(renderer, Manifest(2000 + i, 50));
            served[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(served);
        table.Add("50-stop manifest printed ahead, then asked for", documents, "", served[documents / 2], served[(int)(documents * 0.95)], served[^1], "", "", "");

        cpuBefore = ProcessTreeCpu();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.MaxConcurrentPrints * 2).Select(async _ =>
        {
            int slot;
            while ((slot = Interlocked.Increment(ref next)) < batch)
            {
                await Print(renderer, Manifest(10_000 + slot, 50));
            }
        }));
        clock.Stop();
        cpu = ProcessTreeCpu() - cpuBefore;
        table.Add($"different 50-stop manifests, render + print, {options.MaxConcurrentPrints} tabs", batch, clock.Elapsed.TotalSeconds, "", "", "", batch / clock.Elapsed.TotalSeconds, cpu.TotalMilliseconds / batch, "");

        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        return table;
    }

    private static async Task<byte[]> Print(IDocumentRenderer renderer, RunManifest.Manifest manifest) =>
        await renderer.PrintPdfAsync(await Render(renderer, manifest));

    private static Task<RenderedDocument> Render(IDocumentRenderer renderer, RunManifest.Manifest manifest) =>
        renderer.RenderHtmlAsync<RunManifestDocument>($"Run manifest {manifest.RunId}", new Dictionary<string, object?>
        {
            [nameof(RunManifestDocument.Manifest)] = manifest,
            [nameof(RunManifestDocument.BaseUrl)] = "https://portal.example.cn",
        });

    /// <summary>User + system CPU of this process and all its descendants still running (Linux /proc).</summary>
    private static TimeSpan ProcessTreeCpu()
    {
        var stats = new List<(int Pid, int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                stats.Add((pid, int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12])));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        var parents = stats.ToDictionary(s => s.Pid, s => s.Parent);
        var ticks = 0L;
        foreach (var (pid, _, t) in stats)
        {
            var ancestor = pid;
            while (ancestor > 1 && ancestor != Environment.ProcessId && parents.TryGetValue(ancestor, out var parent))
            {
                ancestor = parent;
            }

            ticks += ancestor == Environment.ProcessId ? t : 0;
        }

        // Linux reports CPU in clock ticks of 1/100 s (USER_HZ).
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>A run as the planner leaves it: a handset and a SIM per stop, half paid in cash, half by POS.</summary>
    private static RunManifest.Manifest Manifest(int run, int stops) => new(
        run,
        "陈强",
        DeliveryChannel.InHouse,
        new DateOnly(2026, 12, 2),
        "天河体育中心营业网点",
        38_400,
        [.. Enumerable.Range(1, stops).Select(i => new RunManifest.Stop(
            run * 1000L + i,
            i,
            $"GZ{run:D6}{i:D3}",
            $"SO{run:D6}{i:D4}",
            "14:00-18:00",
            new TimeOnly(9, 0).AddMinutes(i * 12),
            $"林晓{i}",
            "138****8000",
            $"广州市 天河区 体育西路{i}号 {run % 30 + 1}0{i % 9 + 1} 室",
            [
                new RunManifest.Item("华为 nova 12 256GB 白", 1, [$"8693{run:D6}{i:D5}"]),
                new RunManifest.Item("5G 标准 SIM 卡", 1, [$"898600{run:D7}{i:D7}"]),
            ],
            3999m + i,
            i % 2 == 0 ? CollectionMethod.Cash : CollectionMethod.Pos,
            true))]);
}
