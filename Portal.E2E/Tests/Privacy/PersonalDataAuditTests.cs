using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Privacy;

/// <summary>A rep shows a customer's full phone number with a reason; the administrator finds that access in the audit trail.</summary>
public sealed class PersonalDataAuditTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    protected override (int Width, int Height) Viewport => (360, 740);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public Task A_rep_reveals_a_phone_with_a_reason_and_the_admin_finds_it_in_the_audit_trail(string culture) => RunAsync(async () =>
    {
        var phone = "1376" + Random.Shared.Next(0, 10_000_000).ToString("D7");
        var number = await new IntakeApi(App.BaseUrl).PlaceDeliveryOrderAsync("审计客户", phone, "ACC-CASE-CLEAR");
        var reason = $"Customer asked for a call back ({culture})";

        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Rep);
        await OpenAsync(Page, shell, culture, $"/orders/{number}");
        var shown = Page.GetByTestId("order-phone");
        await Expect(shown).ToHaveTextAsync($"{phone[..3]}****{phone[7..]}");
        await Page.GetByTestId("order-phone-show").ClickAsync();
        await Page.Locator("textarea[data-testid=confirm-reason], [data-testid=confirm-reason] textarea").First.FillAsync(reason);
        await Page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(shown).ToHaveTextAsync(phone);

        await using var adminContext = await App.NewContextAsync(Viewport.Width, Viewport.Height);
        var adminPage = await adminContext.NewPageAsync();
        var adminShell = await new LoginPage(adminPage).SignInAsync(DemoUsers.Admin);
        await OpenAsync(adminPage, adminShell, culture, "/admin/audit");
        await adminPage.Locator("input[data-testid=audit-customer], [data-testid=audit-customer] input").First.FillAsync(phone);
        await adminPage.GetByTestId("audit-search").ClickAsync();

        var access = adminPage.GetByTestId("audit-entry").Filter(new() { HasText = reason });
        await Expect(access).ToHaveCountAsync(1);
        // Who revealed it is recorded by user id and shown by the rep's current display name.
        await Expect(access.GetByTestId("audit-who")).ToHaveTextAsync("客服代表 王芳");
        await Expect(access.GetByTestId("audit-subject")).ToHaveTextAsync(number);
        await Expect(access.GetByTestId("audit-kind")).ToHaveTextAsync(culture == "en" ? "Personal data" : "个人信息");
        await Expect(adminPage.GetByTestId("audit-export")).ToBeInViewportAsync();
        var scrollWidth = await adminPage.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Viewport.Width, $"The audit page scrolls sideways: {scrollWidth} > {Viewport.Width}.");
    }, culture);

    private static async Task OpenAsync(IPage page, PortalShell shell, string culture, string path)
    {
        await page.GotoAsync($"/culture?culture={culture}&returnUrl={Uri.EscapeDataString(path)}");
        await shell.WaitForInteractiveAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
    }
}
