using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Courier;

/// <summary>Couriers work from a phone (DESIGN §8: courier pages work at 360×740).</summary>
public sealed class CourierMobileTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    private const int PhoneWidth = 360;
    private const int PhoneHeight = 740;

    protected override (int Width, int Height) Viewport => (PhoneWidth, PhoneHeight);

    [Fact]
    public Task Courier_start_page_fits_a_360px_phone_without_horizontal_scroll_and_the_menu_is_reachable() => RunAsync(async () =>
    {
        var courier = DemoUsers.Courier;
        var shell = await new LoginPage(Page).SignInAsync(courier);

        await Expect(shell.Heading).ToHaveTextAsync(courier.EnglishTitle);
        await Expect(shell.Heading).ToBeInViewportAsync();
        await AssertNoHorizontalScrollAsync();

        // On a phone the menu starts folded away; the header toggle must bring it on screen.
        var link = shell.MenuLink(courier.EnglishTitle);
        if (!await IsOnScreenAsync(link))
            await PortalShell.ClickUntilAsync(shell.MenuToggle(), () => IsOnScreenAsync(link));
        await Expect(link).ToBeInViewportAsync(new() { Ratio = 1 });
        await link.ClickAsync();

        await Expect(Page).ToHaveURLAsync(PortalShell.UrlFor(courier.Href));
        await Expect(shell.Heading).ToHaveTextAsync(courier.EnglishTitle);
        await AssertNoHorizontalScrollAsync();
    });

    [Fact]
    public Task Courier_header_controls_are_fully_on_screen_on_a_360px_phone() => RunAsync(async () =>
    {
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Courier);

        await Expect(shell.MenuToggle()).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(shell.LanguageSwitch).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(shell.SignOutButton()).ToBeInViewportAsync(new() { Ratio = 1 });
        await AssertNoHorizontalScrollAsync();
    });

    private async Task AssertNoHorizontalScrollAsync()
    {
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"The page scrolls sideways: scrollWidth {scrollWidth} > {PhoneWidth}.");
    }

    /// <summary>
    /// Fully on screen as the browser's intersection observer sees it: a folded-away sidebar keeps its links
    /// "visible" to Playwright (they have a size) while they are clipped or off canvas.
    /// </summary>
    private static async Task<bool> IsOnScreenAsync(ILocator locator)
    {
        try
        {
            await Expect(locator).ToBeInViewportAsync(new() { Ratio = 1, Timeout = 500 });
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }
}
