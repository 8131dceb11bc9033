using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>
/// The signed-in layout every area shares: header (user, role, language switch, sign out), the side menu
/// and the page's h1. Texts are passed in so the same object serves English and Chinese.
/// </summary>
public sealed class PortalShell(IPage page)
{
    public IPage Page => page;
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Menu => page.GetByTestId("main-navigation");
    public ILocator MenuItems => Menu.GetByRole(AriaRole.Link);
    public ILocator CurrentUser => page.GetByTestId("current-user");
    public ILocator CurrentRole => page.GetByTestId("current-role");
    public ILocator LanguageSwitch => page.GetByTestId("language-switch");

    public ILocator MenuLink(string title) => Menu.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
    public ILocator SignOutButton(string name = "Sign out") =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
    public ILocator MenuToggle(string name = "Menu") =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Matches the absolute URL of an area page (no further path segments).</summary>
    public static Regex UrlFor(string href) => new($"/{Regex.Escape(href)}/?(\\?.*)?$", RegexOptions.IgnoreCase);

    /// <summary>
    /// Pages are prerendered, then Blazor's interactive circuit attaches; clicks before that are lost. The layout
    /// marks itself data-interactive="true" once it renders inside the circuit.
    /// Interactive actions still confirm their effect (see <see cref="ClickUntilAsync"/>).
    /// </summary>
    public async Task WaitForInteractiveAsync()
    {
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// Clicks an interactive control until <paramref name="effect"/> is observed: a click that lands before
    /// the circuit is connected does nothing, so it is repeated rather than failing the test.
    /// </summary>
    public static async Task ClickUntilAsync(ILocator control, Func<Task<bool>> effect, int attempts = 4)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await effect()) return;
            await control.ClickAsync();
            for (var i = 0; i < 20; i++)
            {
                if (await effect()) return;
                await Task.Delay(250);
            }

            if (attempt == attempts)
                throw new TimeoutException($"Clicking {control} {attempts} times did not have the expected effect.");
        }
    }

    /// <summary>Switches language with the header button and waits for the reloaded page in that language.</summary>
    public async Task SwitchLanguageAsync(string expectedHeading)
    {
        await ClickUntilAsync(LanguageSwitch, async () =>
        {
            try
            {
                var headings = await Heading.AllInnerTextsAsync();
                return headings.Count == 1 && headings[0].Trim() == expectedHeading;
            }
            catch (PlaywrightException)
            {
                return false; // the page is mid-navigation
            }
        });
        await WaitForInteractiveAsync();
    }
}
