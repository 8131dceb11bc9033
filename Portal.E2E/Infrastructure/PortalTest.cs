using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// Base for browser tests: a fresh browser context per test (no cookies leak between tests) over the shared
/// app and browser. Test bodies run through <see cref="RunAsync"/> so a failure leaves a screenshot and the
/// app's recent log behind.
/// </summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTest(PortalAppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    protected PortalAppFixture App { get; } = app;
    protected ITestOutputHelper Output { get; } = output;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>The viewport of this test's context; mobile tests override it.</summary>
    protected virtual (int Width, int Height) Viewport => (1280, 800);

    public virtual async Task InitializeAsync()
    {
        Context = await App.NewContextAsync(Viewport.Width, Viewport.Height);
        Context.SetDefaultTimeout(15_000);
        Page = await Context.NewPageAsync();
    }

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();

    protected async Task RunAsync(Func<Task> body, string? variant = null, [CallerMemberName] string test = "")
    {
        try
        {
            await body();
        }
        catch (Exception)
        {
            await CaptureFailureAsync(variant is null ? test : $"{test}-{variant}");
            throw;
        }
    }

    private async Task CaptureFailureAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var file = Path.Combine(folder, $"{GetType().Name}.{safe}.{DateTime.UtcNow:yyyyMMddHHmmss}.png");
        try
        {
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Output.WriteLine($"Screenshot: {file}");
        }
        catch (Exception e)
        {
            Output.WriteLine($"Screenshot failed: {e.Message}");
        }

        Output.WriteLine($"URL at failure: {Page.Url}");
        Output.WriteLine("Recent Portal.Web log:");
        Output.WriteLine(App.RecentLog());
    }
}
