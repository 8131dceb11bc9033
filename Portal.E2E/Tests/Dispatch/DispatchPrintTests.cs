using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Dispatch;

/// <summary>The dispatcher prints from the board: a run's manifest and the day's summary, in the signed-in browser.</summary>
public sealed class DispatchPrintTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Fact]
    public Task The_dispatcher_prints_a_runs_manifest_and_the_daily_summary_from_the_board() => RunAsync(async () =>
    {
        // Tomorrow's pre-order waits for a courier; the dispatcher gives it to an in-house courier, which plans a run.
        await new IntakeApi(App.BaseUrl).PlaceDeliveryOrderAsync("路单测试", "13902009001", "SIM-5G-STD");
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Dispatcher);
        await Page.GotoAsync($"dispatch?date={tomorrow}");
        await shell.WaitForInteractiveAsync();
        var waiting = Page.GetByTestId("waiting-card").First;
        await waiting.Locator(".mud-select").Filter(new() { Has = Page.GetByTestId("waiting-courier") }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = "陈强" }).First.ClickAsync();
        await waiting.GetByTestId("waiting-assign").ClickAsync();

        var print = Page.GetByTestId("run-manifest").First;
        await Expect(print).ToBeVisibleAsync();
        await AssertPdfAsync(await print.GetAttributeAsync("href"), "manifest");

        var summary = Page.GetByTestId("board-summary");
        await Expect(summary).ToBeVisibleAsync();
        await AssertPdfAsync(await summary.GetAttributeAsync("href"), "summary");
    });

    private async Task AssertPdfAsync(string? href, string what)
    {
        Assert.False(string.IsNullOrEmpty(href), $"The board's {what} button has no link.");
        var response = await Page.APIRequest.GetAsync(href!.TrimStart('/'));

        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await response.BodyAsync())[..4]));
    }
}
