using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real portal node: Portal.Web.dll (copied beside the tests by the project reference) started with `dotnet` on a
/// free Kestrel port, configured only through environment variables as an operator would.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private bool _disposed;

    private PortalProcess(Process process) => _process = process;

    public Uri Address { get; private set; } = default!;

    /// <summary>Starts a node in Development (demo data) on the given database and waits until /health answers.</summary>
    public static async Task<PortalProcess> StartAsync(TestDatabase database)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"), "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Database__Provider"] = database.Provider.ToString();
        info.Environment["ConnectionStrings__Portal"] = database.ConnectionString;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Demo__DeliveryDay"] = "false"; // these tests count units and time start-ups
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        var node = new PortalProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        node._process.OutputDataReceived += (_, e) => node.OnLine(e.Data, listening);
        node._process.ErrorDataReceived += (_, e) => node.OnLine(e.Data, listening);
        node._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The portal exited early:\n{node.RecentLog()}"));
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            node.Address = await listening.Task.WaitAsync(timeout.Token);
            using var http = new HttpClient { BaseAddress = node.Address };
            while ((await http.GetAsync("/health", timeout.Token)).StatusCode != HttpStatusCode.OK)
            {
                await Task.Delay(200, timeout.Token);
            }
        }
        catch (Exception ex)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"The portal did not start:\n{node.RecentLog()}", ex);
        }

        return node;
    }

    /// <summary>A client of this node that shares <paramref name="cookies"/> (as a browser behind a load balancer would) and does not follow redirects.</summary>
    public HttpClient Client(System.Net.CookieContainer cookies)
    {
        var handler = new CookieContainerHandler(cookies) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } };
        return new HttpClient(handler) { BaseAddress = Address };
    }

    public string RecentLog() => string.Join('\n', _log.TakeLast(60));

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 400)
        {
            _log.TryDequeue(out _);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    /// <summary>Kills the node (SIGKILL, as a crash would) and waits for it to be gone; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on:\s*(http://\S+)")]
    private static partial Regex Listening();
}
