using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// Starts ONE Portal.Web process (fresh temp SQLite file, free port) and ONE headless Chromium for the whole
/// test run. The E2E project has no reference to Portal.Web on purpose: it drives the built executable the
/// way an operator would, so nothing here can reach into the app's internals.
/// </summary>
public partial class PortalAppFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<string> log = new();
    private Process? app;
    private string? databasePath;

    public Uri BaseUrl { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Blazor Server's first render after start-up can be slow on a loaded CI machine.
        Assertions.SetDefaultExpectTimeout(15_000);

        var executable = LocatePortalExecutable();
        databasePath = Path.Combine(Path.GetTempPath(), $"portal-e2e-{Guid.NewGuid():N}.db");
        BaseUrl = await StartAppAsync(executable, databasePath);

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with `apt-get install -y chromium fonts-noto-cjk` " +
                "(./test.sh does this); `playwright install` does not work in this environment.");
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        StopApp();
    }

    /// <summary>A fresh, isolated browser context (own cookies) pointed at the app, English by default.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800) =>
        Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(),
            Locale = "en-US",
            ViewportSize = new() { Width = width, Height = height },
        });

    /// <summary>The last lines the app wrote, to attach to a failing test's output.</summary>
    public string RecentLog(int lines = 40) => string.Join(Environment.NewLine, log.TakeLast(lines));

    /// <summary>
    /// bin/&lt;Config&gt;/&lt;tfm&gt;/&lt;rid&gt;/ of this assembly maps to the same folder under Portal.Web/bin, so a
    /// Release test run drives the Release build and a Debug run the Debug build.
    /// </summary>
    private static string LocatePortalExecutable()
    {
        var exeName = OperatingSystem.IsWindows() ? "Portal.Web.exe" : "Portal.Web";
        var overridePath = Environment.GetEnvironmentVariable("PORTAL_WEB_EXE");
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return File.Exists(overridePath)
                ? Path.GetFullPath(overridePath)
                : throw new InvalidOperationException($"PORTAL_WEB_EXE points to '{overridePath}', which does not exist.");
        }

        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var bin = here;
        while (bin is not null && !string.Equals(bin.Name, "bin", StringComparison.OrdinalIgnoreCase)) bin = bin.Parent;
        if (bin?.Parent?.Parent is null)
        {
            throw new InvalidOperationException(
                $"Cannot work out where Portal.Web was built: the test assembly folder '{here.FullName}' is not under a bin/ folder.");
        }

        var outputRelative = Path.GetRelativePath(bin.FullName, here.FullName); // e.g. Release/net10.0
        var repoRoot = bin.Parent.Parent.FullName;
        var executable = Path.Combine(repoRoot, "Portal.Web", "bin", outputRelative, exeName);
        if (!File.Exists(executable))
        {
            var configuration = outputRelative.Split(Path.DirectorySeparatorChar)[0];
            throw new InvalidOperationException(
                $"The Portal.Web executable was not found at '{executable}'. Build Portal.Web first " +
                $"(`dotnet build Portal.Web -c {configuration}` or `dotnet build Portal.sln -c {configuration}`), " +
                "then run the E2E tests with the same configuration.");
        }

        return executable;
    }

    /// <summary>Development seeds the demo users and keys; Production has none.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Runs before the app starts, against the same database (e.g. the `users add` command).</summary>
    protected virtual Task PrepareAsync(Func<string[], ProcessStartInfo> command) => Task.CompletedTask;

    private async Task<Uri> StartAppAsync(string executable, string dbPath)
    {
        await PrepareAsync(arguments =>
        {
            var prepare = StartInfo(executable, dbPath);
            prepare.RedirectStandardInput = true;
            foreach (var argument in arguments) prepare.ArgumentList.Add(argument);
            return prepare;
        });
        var info = StartInfo(executable, dbPath);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        app = new Process { StartInfo = info, EnableRaisingEvents = true };
        app.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
        app.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
        app.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"Portal.Web exited with code {SafeExitCode()} before it was ready.{Environment.NewLine}{RecentLog()}"));

        if (!app.Start()) throw new InvalidOperationException($"Could not start '{executable}'.");
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(StartTimeout);
        Uri url;
        try
        {
            url = await listening.Task.WaitAsync(cts.Token);
            await WaitForHealthAsync(url, cts.Token);
        }
        catch (OperationCanceledException)
        {
            StopApp();
            throw new TimeoutException(
                $"Portal.Web did not become healthy within {StartTimeout.TotalSeconds:0}s.{Environment.NewLine}{RecentLog()}");
        }
        catch
        {
            StopApp();
            throw;
        }

        return url;
    }

    private ProcessStartInfo StartInfo(string executable, string dbPath)
    {
        // The content root (wwwroot, appsettings) is the project folder that holds bin/.
        var contentRoot = new DirectoryInfo(Path.GetDirectoryName(executable)!);
        while (contentRoot.Parent is not null && !string.Equals(contentRoot.Name, "bin", StringComparison.OrdinalIgnoreCase))
            contentRoot = contentRoot.Parent;
        var workingDirectory = contentRoot.Parent?.FullName ?? Path.GetDirectoryName(executable)!;
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = EnvironmentName;
        info.Environment["ConnectionStrings__Portal"] = $"Data Source={dbPath}";
        // Every browser test signs in from 127.0.0.1; the per-address sign-in limit has its own test in Portal.Tests.
        info.Environment["SignIn__AttemptsPerMinute"] = "10000";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        return info;
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null) return;
        log.Enqueue(line);
        while (log.Count > 500) log.TryDequeue(out _);
        var match = ListeningRegex().Match(line);
        if (match.Success) listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
    }

    private static async Task WaitForHealthAsync(Uri baseUrl, CancellationToken token)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("health", token);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!token.IsCancellationRequested) { }

            await Task.Delay(200, token);
        }
    }

    private void StopApp()
    {
        if (app is not null)
        {
            try
            {
                if (!app.HasExited)
                {
                    app.Kill(entireProcessTree: true);
                    app.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException) { } // already gone
            app.Dispose();
            app = null;
        }

        if (databasePath is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                try { File.Delete(databasePath + suffix); } catch (IOException) { }
            }
            databasePath = null;
        }
    }

    private string SafeExitCode()
    {
        try { return app?.ExitCode.ToString() ?? "?"; } catch (InvalidOperationException) { return "?"; }
    }

    [GeneratedRegex(@"Now listening on:\s*(http://[^\s""]+)")]
    private static partial Regex ListeningRegex();
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalAppFixture>
{
    public const string Name = "Portal";
}
