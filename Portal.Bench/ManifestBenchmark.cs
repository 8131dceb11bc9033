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
/// after a warm-up), then 300 different 50-stop manifests rendered and printed as fast as the print pool allows.
/// Usage: dotnet run -c Release --project Portal.Bench -- manifests [documents] [batch]
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
        var bytes = 0L;
        for (var i = 0; i < documents; i++)
        {
            var started = Stopwatch.GetTimestamp();
            bytes += (await Print(renderer, Manifest(1000 + i, 50))).Length;
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(latencies);
        var table = new BenchTable("manifests", "none", "run", "PDFs", "p50 ms", "p95 ms", "max ms", "PDFs/s", "KB each");
        table.Add("50-stop manifest, one at a time", documents, latencies[documents / 2], latencies[(int)(documents * 0.95)], latencies[^1], "", bytes / documents / 1024);

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
        table.Add($"different 50-stop manifests, render + print, {options.MaxConcurrentPrints} tabs", batch, "", "", "", batch / clock.Elapsed.TotalSeconds, "");

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
        await renderer.PrintPdfAsync(await renderer.RenderHtmlAsync<RunManifestDocument>($"Run manifest {manifest.RunId}", new Dictionary<string, object?>
        {
            [nameof(RunManifestDocument.Manifest)] = manifest,
            [nameof(RunManifestDocument.BaseUrl)] = "https://portal.example.cn",
        }));

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
