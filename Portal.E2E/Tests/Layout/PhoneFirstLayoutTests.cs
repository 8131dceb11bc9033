using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Layout;

/// <summary>
/// Every role's start page and main pages fit a 360×740 phone and a 1366×768 laptop: no sideways page scrolling,
/// app-bar and menu controls big enough for a finger. Set PORTAL_LAYOUT_SCREENSHOTS=1 to keep a PNG of each page.
/// </summary>
public sealed class PhoneFirstLayoutTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    private const int MinTouch = 44;

    /// <summary>The pages each role works in besides its start page.</summary>
    private static readonly Dictionary<string, string[]> MainPages = new()
    {
        ["Rep"] = ["orders/new", "rep/tasks", "orders"],
        ["BackOffice"] = ["orders/new", "orders"],
        ["Admin"] = ["admin/catalog", "admin/policies", "admin/stock", "admin/users", "admin/api-clients", "admin/key-moments", "admin/usage-import", "admin/overview"],
    };

    public static TheoryData<string, int, int> RolesAndScreens()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var user in DemoUsers.All)
        {
            data.Add(user.Role, 360, 740);
            data.Add(user.Role, 1366, 768);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndScreens))]
    public Task Start_page_and_main_pages_fit_the_screen_without_sideways_scrolling(string role, int width, int height) => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(width, height);
        var user = DemoUsers.ForRole(role);
        if (role == "Rep")
        {
            // Something in the orders list, so its rows (cards on a phone) and a detail page are measured too.
            await new IntakeApi(App.BaseUrl).PlaceDeliveryOrderAsync("版式测试客户", "13722223333", "ACC-CASE-CLEAR");
        }

        var shell = await new LoginPage(Page).SignInAsync(user);
        await AssertFitsAsync(shell, user.Href, width);

        foreach (var href in MainPages.GetValueOrDefault(role, []))
        {
            await Page.GotoAsync(href);
            await shell.WaitForInteractiveAsync();
            await AssertFitsAsync(shell, href, width);
        }

        if (role == "Rep")
        {
            await Page.GetByTestId("order-link").First.ClickAsync();
            await Expect(Page.GetByTestId("order-number")).ToBeVisibleAsync();
            await AssertFitsAsync(shell, "order-detail", width);
        }
    }, $"{role}-{width}");

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1366, 768)]
    public Task Sign_in_and_not_found_pages_fit_the_screen(int width, int height) => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(width, height);
        await new LoginPage(Page).GotoAsync();
        await AssertNoSidewaysScrollAsync("sign-in", width);
        await Expect(new LoginPage(Page).SignInButton).ToBeVisibleAsync();
        Assert.True((await new LoginPage(Page).SignInButton.BoundingBoxAsync())!.Height >= MinTouch);

        await new LoginPage(Page).SignInAsync(DemoUsers.Courier);
        await Page.GotoAsync("no/such/page");
        await Expect(new PortalShell(Page).Heading).ToHaveTextAsync("Page not found");
        await AssertNoSidewaysScrollAsync("not-found", width);
    }, $"{width}");

    private async Task AssertFitsAsync(PortalShell shell, string name, int width)
    {
        await Expect(shell.Heading).ToBeVisibleAsync();
        // Lists fill in after the first render; measure the page as the user sees it, not its skeleton.
        await Expect(Page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(name, width);

        foreach (var control in await Page.Locator("header.mud-appbar button:visible, header.mud-appbar a:visible").AllAsync())
        {
            var box = await control.BoundingBoxAsync();
            Assert.True(box is { Height: >= MinTouch, Width: >= MinTouch }, $"{name}: app-bar control '{await control.InnerTextAsync()}' is {box?.Width}×{box?.Height} px");
        }

        foreach (var link in await shell.MenuItems.AllAsync())
        {
            var box = await link.BoundingBoxAsync();
            Assert.True(box is { Height: >= MinTouch }, $"{name}: menu entry '{await link.InnerTextAsync()}' is {box?.Height} px high");
        }
    }

    private async Task AssertNoSidewaysScrollAsync(string name, int width)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_LAYOUT_SCREENSHOTS") is "1")
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots", "layout");
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{width}-{name.Replace('/', '_')}-{Guid.NewGuid():N}.png"), FullPage = true });
        }

        var fits = await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(fits, $"{name} at {width} px scrolls sideways: scrollWidth {scrollWidth} > {width}");
    }
}
