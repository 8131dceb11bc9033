using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Navigation;

public sealed class RoleMenuTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Theory]
    [MemberData(nameof(DemoUsers.Roles), MemberType = typeof(DemoUsers))]
    public Task Each_role_signs_in_to_its_start_page_and_its_menu_shows_only_its_own_area(string role) => RunAsync(async () =>
    {
        var user = DemoUsers.ForRole(role);

        var shell = await new LoginPage(Page).SignInAsync(user);

        await Expect(Page).ToHaveURLAsync(PortalShell.UrlFor(user.Href));
        await Expect(shell.Heading).ToHaveTextAsync(user.EnglishTitle);
        await Expect(shell.CurrentUser).ToBeVisibleAsync();
        await Expect(shell.MenuItems).ToHaveCountAsync(user.MenuCount);
        await Expect(shell.MenuLink(user.EnglishTitle)).ToBeVisibleAsync();
        await Expect(shell.MenuLink(user.EnglishTitle)).ToHaveAttributeAsync("href", user.Href);
        // Another role's start page may be an area this role shares (the supervisor's overview is also the admin's).
        foreach (var other in DemoUsers.All.Where(u => u != user && !user.SharedHrefs.Contains(u.Href)))
        {
            await Expect(shell.Menu.GetByText(other.EnglishTitle, new() { Exact = true })).ToHaveCountAsync(0);
            await Expect(shell.Menu.Locator($"a[href='{other.Href}']")).ToHaveCountAsync(0);
        }

        foreach (var shared in user.SharedHrefs)
        {
            await Expect(shell.Menu.Locator($"a[href='{shared}']")).ToHaveCountAsync(1);
        }
    }, role);

    [Fact]
    public Task Rep_opening_the_finance_page_directly_sees_access_denied() => RunAsync(async () =>
    {
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Rep);

        await Page.GotoAsync(DemoUsers.Finance.Href);

        // The server refuses before any finance markup is rendered (it answers with its access-denied page).
        await Expect(shell.Heading).ToHaveTextAsync("Access denied");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your role does not include this area.");
        await Expect(Page.GetByText(DemoUsers.Finance.EnglishTitle, new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByText("Reconciliation worklists will appear here.")).ToHaveCountAsync(0);
    });
}
