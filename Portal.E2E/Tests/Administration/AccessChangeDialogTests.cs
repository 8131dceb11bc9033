using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Administration;

/// <summary>On a 360×740 phone, in both languages, an administrator opens a user's roles and a client's scopes and closes them again.</summary>
public sealed class AccessChangeDialogTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Theory]
    [InlineData("en", "Change roles", "Change scopes", "Cashier")]
    [InlineData("zh-CN", "更改角色", "更改权限范围", "网点收银")]
    public Task The_roles_and_scopes_dialogs_fit_a_phone_in_both_languages(string language, string rolesTitle, string scopesTitle, string cashierLabel) => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(360, 740);
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Admin);
        if (language == "zh-CN")
        {
            await shell.SwitchLanguageAsync(DemoUsers.Admin.ChineseTitle);
        }

        await Page.GotoAsync("admin/users");
        await shell.WaitForInteractiveAsync();
        await Page.GetByTestId("users-search").FillAsync("cashier@portal.local");
        var dialog = Page.GetByTestId("choices-dialog");
        await PortalShell.ClickUntilAsync(Page.GetByTestId("user-roles-cashier@portal.local").First, async () => await dialog.IsVisibleAsync());
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Dialog)).ToContainTextAsync(rolesTitle);
        await Expect(dialog).ToContainTextAsync(cashierLabel);
        await AssertFitsAsync("roles");
        await Page.GetByTestId("confirm-no").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await Page.GotoAsync("admin/api-clients");
        await shell.WaitForInteractiveAsync();
        await PortalShell.ClickUntilAsync(Page.GetByTestId("api-client-scopes-intake").First, async () => await dialog.IsVisibleAsync());
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Dialog)).ToContainTextAsync(scopesTitle);
        await AssertFitsAsync("scopes");
        await Page.GetByTestId("confirm-no").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }, language);

    private async Task AssertFitsAsync(string name)
    {
        var fits = await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        Assert.True(fits, $"{name}: the page scrolls sideways with the dialog open");
        var box = await Page.GetByRole(Microsoft.Playwright.AriaRole.Dialog).BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= 360, $"{name}: the dialog is {box?.Width} px wide at x={box?.X}");
    }
}
