using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// Renders documents with Blazor's <see cref="HtmlRenderer"/> and prints them with one headless Chromium kept warm
/// for the life of the process. Tabs are reused (a new tab costs more than the print), at most
/// <see cref="DocumentOptions.MaxConcurrentPrints"/> print at once, and a browser that crashed or was killed is
/// started again by the next print. The last <see cref="DocumentOptions.KeepPrinted"/> PDFs are kept by their
/// content, so a page asked for again (a reprint, the courier and the dispatcher fetching one run, a manifest
/// printed ahead) is served without printing; a document that changed has other content and is printed anew.
/// </summary>
public sealed class ChromiumDocumentRenderer(
    IServiceProvider services, ILoggerFactory loggerFactory, IOptions<DocumentOptions> options, PrintFonts fonts) : IDocumentRenderer, IAsyncDisposable
{
    private readonly DocumentOptions _options = options.Value;
    private readonly ILogger _log = loggerFactory.CreateLogger<ChromiumDocumentRenderer>();
    private readonly SemaphoreSlim _prints = new(Math.Max(1, options.Value.MaxConcurrentPrints));
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly ConcurrentBag<IPage> _idleTabs = [];
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _kept = new();
    private readonly ConcurrentQueue<string> _keptOrder = new();
    private long _printed;
    private long _servedPrinted;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public bool BrowserStarted => _browser is { IsConnected: true };

    public async Task<RenderedDocument> RenderHtmlAsync<TComponent>(string title, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // A scope per document: components may ask for scoped services (the localizer, options).
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        var culture = CultureInfo.CurrentUICulture;
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        var id = IdOf(title, body);
        var pageLabel = culture.Name.StartsWith("zh", StringComparison.Ordinal) ? "页" : "Page";
        return new RenderedDocument(id, title, PrintPage.Wrap(title, id, culture.Name, body, pageLabel));
    }

    /// <summary>Documents printed by Chromium since start; those served again from the kept PDFs are not counted.</summary>
    public long Printed => Interlocked.Read(ref _printed);

    /// <summary>Documents served from the ones already printed (the same HTML asked for again, or while it printed).</summary>
    public long ServedPrinted => Interlocked.Read(ref _servedPrinted);

    public async Task<byte[]> PrintPdfAsync(RenderedDocument document, CancellationToken cancellationToken = default)
    {
        if (_options.KeepPrinted <= 0)
        {
            Interlocked.Increment(ref _printed);
            return await PrintAsync(document, cancellationToken);
        }

        // Keyed by the whole page, language and footer included: the same key is the same PDF.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.Html)));
        var print = new Lazy<Task<byte[]>>(() => PrintAsync(document, CancellationToken.None));
        var shared = _kept.GetOrAdd(key, print);
        if (ReferenceEquals(shared, print))
        {
            Interlocked.Increment(ref _printed);
            _keptOrder.Enqueue(key);
            while (_kept.Count > _options.KeepPrinted && _keptOrder.TryDequeue(out var oldest))
            {
                _kept.TryRemove(oldest, out _);
            }
        }
        else
        {
            Interlocked.Increment(ref _servedPrinted);
        }

        try
        {
            // One caller giving up does not cancel the print the others wait for; the print timeout bounds it.
            return await shared.Value.WaitAsync(cancellationToken);
        }
        catch when (shared.Value.IsFaulted || shared.Value.IsCanceled)
        {
            _kept.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, shared));
            throw;
        }
    }

    private async Task<byte[]> PrintAsync(RenderedDocument document, CancellationToken cancellationToken)
    {
        try
        {
            return await PrintOnceAsync(document, cancellationToken);
        }
        catch (PlaywrightException ex) when (!BrowserStarted && !_disposed)
        {
            // The browser died under this print (crash, OOM kill): the next attempt starts a new one.
            _log.LogWarning(ex, "The document browser went away while printing {DocumentId}; printing again", document.Id);
            return await PrintOnceAsync(document, cancellationToken);
        }
    }

    private async Task<byte[]> PrintOnceAsync(RenderedDocument document, CancellationToken cancellationToken)
    {
        await _prints.WaitAsync(cancellationToken);
        IPage? tab = null;
        try
        {
            tab = await TakeTabAsync(cancellationToken);
            await tab.SetContentAsync(ForPrint(document.Html), new() { WaitUntil = WaitUntilState.Load, Timeout = (float)_options.PrintTimeout.TotalMilliseconds });
            // Untagged: half the size and about a tenth less CPU; the HTML version is the accessible one (ADR 0017).
            var pdf = await tab.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, Tagged = false });
            _idleTabs.Add(tab);
            tab = null;
            return pdf;
        }
        finally
        {
            if (tab is not null)
            {
                // A tab that failed mid-print may be in any state: never reuse it.
                await CloseQuietly(tab);
            }

            _prints.Release();
        }
    }

    /// <summary>
    /// The page as the print tab gets it. Nothing to lay out or paint on the tab's screen: the tab only prints, and
    /// the print lays the page out again for A4 anyway (about a fifth of a manifest's CPU, ADR 0017). Its fonts cut to
    /// the page's characters (about a quarter, ADR 0018). The HTML served to browsers is the page as it was rendered.
    /// </summary>
    internal string ForPrint(string html)
    {
        var head = html.IndexOf("</head>", StringComparison.Ordinal);
        return head < 0
            ? html
            : html.Insert(head, $"<style>\n{fonts.FaceRules(html)}@media screen {{ body {{ display: none; }} }}\n</style>");
    }

    public async Task WarmUpAsync(CancellationToken cancellationToken = default) => await BrowserAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is not null)
            {
                await _browser.CloseAsync();
            }

            _playwright?.Dispose();
        }
        catch (PlaywrightException)
        {
            // The browser is already gone.
        }
        finally
        {
            _browser = null;
            _playwright = null;
            _launch.Release();
        }
    }

    /// <summary>The id printed on every page: the title and body hashed, so a run with a stop added gets a new id.</summary>
    public static string IdOf(string title, string body)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + body));
        return Convert.ToHexString(hash, 0, 6);
    }

    private async Task<IPage> TakeTabAsync(CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken);
        while (_idleTabs.TryTake(out var tab))
        {
            if (!tab.IsClosed && tab.Context.Browser == browser && browser.IsConnected)
            {
                return tab;
            }
        }

        return await browser.NewPageAsync(new() { JavaScriptEnabled = false });
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (_browser is not null)
            {
                _log.LogWarning("The document browser stopped; starting it again");
                _idleTabs.Clear();
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            _log.LogInformation("Document browser started ({Version})", _browser.Version);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private static async Task CloseQuietly(IPage tab)
    {
        try
        {
            await tab.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Closing a tab of a dead browser: nothing left to close.
        }
    }
}
