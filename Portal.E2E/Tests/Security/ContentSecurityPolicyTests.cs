using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Security;

/// <summary>The portal runs under its Content-Security-Policy in a real browser: no script or style is refused.</summary>
public sealed class ContentSecurityPolicyTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Fact]
    public Task Signing_in_and_working_on_interactive_pages_breaks_no_policy_rule() => RunAsync(async () =>
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        var response = await Page.GotoAsync(LoginPage.Path);
        Assert.Contains("frame-ancestors 'none'", (await response!.AllHeadersAsync())["content-security-policy"]);
        await new LoginPage(Page).SignInAsync(DemoUsers.Rep);
        // MudBlazor's scripts and styles and the circuit's WebSocket at work: look a customer up and pick a product.
        var entry = await new OrderEntryPage(Page).GotoAsync();
        await entry.LookUpAsync("13760001111");
        await Expect(entry.CustomerCard).ToContainTextAsync("黄美玲");
        await entry.ChooseFlowAsync("flow-appointment");
        await entry.AddProductAsync("HS-VIVO-X100-256-BLU");
        await Expect(Page.Locator("#preferred-at")).ToBeVisibleAsync();

        Assert.Empty(violations);
    });
}
