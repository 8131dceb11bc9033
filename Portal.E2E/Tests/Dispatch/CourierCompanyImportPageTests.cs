using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Dispatch;

/// <summary>The courier company import on a phone, in both languages: a file with a wrong row is previewed, named and not applied.</summary>
public sealed class CourierCompanyImportPageTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    private const int PhoneWidth = 360;

    protected override (int Width, int Height) Viewport => (PhoneWidth, 740);

    [Fact]
    public Task The_import_page_previews_a_file_and_names_its_wrong_rows_in_English_and_Chinese_on_a_phone() => RunAsync(async () =>
    {
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Dispatcher);
        await Page.GotoAsync("dispatch/imports");
        await shell.WaitForInteractiveAsync();

        await Expect(shell.Heading).ToHaveTextAsync("Courier company import");
        await PreviewAsync("Unknown tracking code");

        await shell.SwitchLanguageAsync("快递公司导入");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await PreviewAsync("未知的运单号");
    });

    private async Task PreviewAsync(string rowError)
    {
        var csv = "EventId,TrackingCode,Type,At,Reason,ReceivedBy,HandoverId\r\ne2e-1,TKNOSUCHCODE0001,Delivered,2026-01-01T10:00:00+08:00,,本人,\r\n";
        await Expect(Page.GetByTestId("import-header")).ToBeVisibleAsync();
        await Page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "daily.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

        await Expect(Page.GetByTestId("import-row-error")).ToContainTextAsync(rowError);
        await Expect(Page.GetByTestId("import-apply")).ToBeDisabledAsync();
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"The page scrolls sideways: scrollWidth {scrollWidth} > {PhoneWidth}.");
    }
}
