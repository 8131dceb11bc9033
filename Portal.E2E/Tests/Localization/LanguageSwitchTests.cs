using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Localization;

public sealed class LanguageSwitchTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Fact]
    public Task Switching_to_Chinese_shows_Chinese_navigation_and_headings_and_switching_back_restores_English() => RunAsync(async () =>
    {
        var user = DemoUsers.Finance;
        var shell = await new LoginPage(Page).SignInAsync(user);
        await Expect(shell.LanguageSwitch).ToContainTextAsync("简体中文");

        await shell.SwitchLanguageAsync(user.ChineseTitle);

        await Expect(Page).ToHaveURLAsync(PortalShell.UrlFor(user.Href));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(shell.Heading).ToHaveTextAsync(user.ChineseTitle);
        await Expect(shell.MenuLink(user.ChineseTitle)).ToBeVisibleAsync();
        await Expect(shell.MenuLink(user.EnglishTitle)).ToHaveCountAsync(0);
        await Expect(shell.CurrentRole).ToHaveTextAsync("财务");
        await Expect(shell.SignOutButton("退出登录")).ToBeVisibleAsync();
        await Expect(shell.LanguageSwitch).ToContainTextAsync("English");

        // The choice sticks for the next page too, and a denied page speaks Chinese as well.
        await Page.GotoAsync(DemoUsers.Admin.Href);
        await Expect(shell.Heading).ToHaveTextAsync("拒绝访问");
        await Page.GotoAsync(user.Href);
        await shell.WaitForInteractiveAsync();

        await shell.SwitchLanguageAsync(user.EnglishTitle);

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(shell.Heading).ToHaveTextAsync(user.EnglishTitle);
        await Expect(shell.MenuLink(user.EnglishTitle)).ToBeVisibleAsync();
        await Expect(shell.MenuLink(user.ChineseTitle)).ToHaveCountAsync(0);
        await Expect(shell.SignOutButton()).ToBeVisibleAsync();
        await Expect(shell.LanguageSwitch).ToContainTextAsync("简体中文");
    });

    [Fact]
    public Task Sign_in_page_switches_to_Chinese_labels() => RunAsync(async () =>
    {
        var login = await new LoginPage(Page).GotoAsync();

        await login.LanguageSwitch.ClickAsync();

        await Expect(Page).ToHaveURLAsync(LoginPage.Url);
        await Expect(login.Heading).ToHaveTextAsync("登录");
        await Expect(Page.GetByLabel("电子邮箱", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("密码", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(login.LanguageSwitch).ToContainTextAsync("English");
    });
}
