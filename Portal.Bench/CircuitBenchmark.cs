using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Portal.Bench;

/// <summary>
/// Interactive Blazor circuits of the rep's order page (/orders/new) and the courier's run (/courier), each a real
/// headless Chromium page in its own browser context (one browser), against the portal hosted in this process. For
/// each count N: opens N pages (half rep, half courier), measures the server's managed heap and working set over the
/// N idle circuits after a forced full GC, then lets 10 % of the pages act each second (the rep looks up a customer,
/// picks a product, submits a direct order, starts another; the courier opens a stop and goes back) and measures the
/// interaction latency from the input until the rendered update is visible in the page. Usage:
///   dotnet run -c Release --project Portal.Bench -- circuits [--engine sqlite|postgres] [--seconds 10] [--only rep|courier] [circuits...]
/// </summary>
internal static class CircuitBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Password = "Demo!2345";

    public static async Task<BenchTable> RunAsync(string[] args)
    {
        var options = new BenchOptions(args.Skip(1));
        var engine = options.Take("--engine") ?? "sqlite";
        var seconds = options.TakeNumber("--seconds", 10);
        var only = options.Take("--only"); // rep or courier: one page kind, to see which one a circuit's memory comes from
        var counts = options.Positional.Count > 0 ? options.Positional.Select(int.Parse).ToArray() : [20, 50, 100];
        var circuits = new OpenCircuits();
        await using var host = await BenchHost.StartAsync(engine, b => b.Services.AddSingleton<CircuitHandler>(circuits));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var rep = await SignIn(browser, host.Address, "rep@portal.local");
        var courier = await SignIn(browser, host.Address, "courier@portal.local");

        var table = new BenchTable(
            "circuits", engine, "circuits", "heap KB/circuit", "working set KB/circuit", "actions", "errors", "p50 ms", "p95 ms", "max ms");
        table.Note($"Real Chromium pages (Playwright, one browser, a context per page), {only switch { "rep" => "all /orders/new as rep", "courier" => "all /courier as courier", _ => "half /orders/new as rep, half /courier as courier" }}; 10 % act each second.");
        table.Note("Memory per circuit: the portal process's managed heap and working set after a forced full GC with N idle circuits, minus the same before they opened, over N (after a warm-up page of each kind; includes the Playwright client's small per-page objects).");
        table.Note("Latency: input to the rendered update seen in the page, as Playwright observes it (includes its driver round trips). Goals: <= 400 KB per idle circuit; p95 <= 100 ms.");
        // First renders fill caches and JIT code once for all circuits; that is not a circuit's cost.
        await Task.WhenAll(
            (await Session.OpenAsync(browser, host.Address, rep, "orders/new", isRep: true)).DisposeAsync().AsTask(),
            (await Session.OpenAsync(browser, host.Address, courier, "courier", isRep: false)).DisposeAsync().AsTask());
        foreach (var count in counts)
        {
            await Measure(browser, host.Address, rep, courier, only, circuits, count, TimeSpan.FromSeconds(seconds), table);
        }

        return table;
    }

    private static async Task Measure(
        IBrowser browser, string address, string rep, string courier, string? only, OpenCircuits circuits, int count, TimeSpan activity, BenchTable table)
    {
        var (heapBefore, setBefore) = Memory();
        var sessions = new Session[count];
        using (var opening = new SemaphoreSlim(4))
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await opening.WaitAsync();
                try
                {
                    var asRep = only switch { "rep" => true, "courier" => false, _ => i % 2 == 0 };
                    sessions[i] = await Session.OpenAsync(browser, address, asRep ? rep : courier, asRep ? "orders/new" : "courier", asRep);
                }
                finally
                {
                    opening.Release();
                }
            }));
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // the last renders settle
        var (heapAfter, setAfter) = Memory();
        if (circuits.Count < count)
        {
            throw new InvalidOperationException($"{count} pages opened but only {circuits.Count} circuits are connected");
        }

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var acting = Math.Max(1, count / 10);
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < activity)
        {
            var tick = clock.Elapsed;
            foreach (var session in sessions.Where(s => !s.Busy).OrderBy(_ => Random.Shared.Next()).Take(acting))
            {
                running.Add(session.ActAsync(latencies.Add, () => Interlocked.Increment(ref errors)));
            }

            var rest = TimeSpan.FromSeconds(1) - (clock.Elapsed - tick);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }

        await Task.WhenAll(running);
        var sorted = latencies.Order().ToArray();
        table.Add(
            count,
            Math.Round((heapAfter - heapBefore) / 1024.0 / count),
            Math.Round((setAfter - setBefore) / 1024.0 / count),
            sorted.Length,
            errors,
            sorted.Length > 0 ? sorted[sorted.Length / 2] : double.NaN,
            sorted.Length > 0 ? sorted[(int)(sorted.Length * 0.95)] : double.NaN,
            sorted.Length > 0 ? sorted[^1] : double.NaN);
        await Task.WhenAll(sessions.Select(s => s.DisposeAsync().AsTask()));
        for (var wait = 0; circuits.Count > 0 && wait < 100; wait++)
        {
            await Task.Delay(100); // closed pages end their circuits before the next count is measured
        }
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }

    /// <summary>Signs in once through the form and keeps the cookie, so N pages do not meet the sign-in rate limit.</summary>
    private static async Task<string> SignIn(IBrowser browser, string address, string email)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        return await context.StorageStateAsync();
    }

    /// <summary>One browser context holding one interactive page, acting one step at a time.</summary>
    private sealed class Session(IBrowserContext context, IPage page, bool isRep) : IAsyncDisposable
    {
        private int _step;
        private int _busy;

        public bool Busy => Volatile.Read(ref _busy) == 1;

        public static async Task<Session> OpenAsync(IBrowser browser, string address, string storageState, string path, bool isRep)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = address, StorageState = storageState, ViewportSize = new() { Width = 360, Height = 740 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await page.Locator("[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            return new Session(context, page, isRep);
        }

        public async Task ActAsync(Action<double> latency, Action error)
        {
            if (Interlocked.Exchange(ref _busy, 1) == 1)
            {
                return;
            }

            try
            {
                var started = Stopwatch.GetTimestamp();
                var measured = isRep ? await RepStep() : await CourierStep();
                if (measured is { } from)
                {
                    latency(Stopwatch.GetElapsedTime(from == 0 ? started : from).TotalMilliseconds);
                }

                _step++;
            }
            catch (PlaywrightException)
            {
                error();
                _step = 0;
                await page.GotoAsync(isRep ? "orders/new" : "courier");
            }
            catch (TimeoutException)
            {
                error();
                _step = 0;
                await page.GotoAsync(isRep ? "orders/new" : "courier");
            }
            finally
            {
                Volatile.Write(ref _busy, 0);
            }
        }

        /// <summary>The rep's order in four steps; returns the timestamp the measured input was given (0: the start).</summary>
        private async Task<long?> RepStep()
        {
            switch (_step % 4)
            {
                case 0:
                    var phone = page.GetByTestId("customer-phone");
                    await phone.FillAsync("15018765432");
                    await phone.PressAsync("Enter");
                    await page.GetByTestId("customer-card").WaitForAsync();
                    return 0;
                case 1:
                    await page.GetByTestId("flow-direct").CheckAsync();
                    var picker = page.GetByTestId("product-picker");
                    await picker.ClickAsync();
                    var typed = Stopwatch.GetTimestamp();
                    await picker.FillAsync("ADDON-DATA-30G");
                    var option = page.GetByTestId("product-option").Filter(new() { HasText = "ADDON-DATA-30G" }).First;
                    await option.WaitForAsync();
                    await option.ClickAsync();
                    await Assertions.Expect(page.GetByTestId("add-line")).ToBeEnabledAsync();
                    await page.GetByTestId("add-line").ClickAsync();
                    await page.GetByTestId("line-row").First.WaitForAsync();
                    return typed;
                case 2:
                    await page.GetByTestId("payment-BillToAccount").CheckAsync();
                    var submitted = Stopwatch.GetTimestamp();
                    await page.GetByTestId("submit-order").ClickAsync();
                    await page.GetByTestId("order-result").WaitForAsync();
                    return submitted;
                default:
                    await page.GetByTestId("another-order").ClickAsync();
                    await page.GetByTestId("customer-phone").WaitForAsync();
                    return 0;
            }
        }

        /// <summary>The courier opens the first stop of the run, then goes back to the run.</summary>
        private async Task<long?> CourierStep()
        {
            if (_step % 2 == 0)
            {
                var stop = page.GetByTestId("courier-stop").First;
                if (await stop.CountAsync() == 0)
                {
                    return null; // no run today: nothing to open
                }

                await stop.ClickAsync();
                await page.GetByTestId("stop-back").WaitForAsync();
                return 0;
            }

            await page.GetByTestId("stop-back").ClickAsync();
            await page.GetByTestId("courier-run").WaitForAsync();
            return 0;
        }

        public async ValueTask DisposeAsync() => await context.CloseAsync();
    }

    /// <summary>Counts the connected circuits, so a page that never went interactive cannot pass as one.</summary>
    private sealed class OpenCircuits : CircuitHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _count);
            return Task.CompletedTask;
        }
    }
}
