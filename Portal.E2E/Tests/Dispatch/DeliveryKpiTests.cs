using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Dispatch;

/// <summary>The KPI page on a phone, in both languages, over the four weeks of demo history.</summary>
public sealed class DeliveryKpiTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    private const int PhoneWidth = 360;

    protected override (int Width, int Height) Viewport => (PhoneWidth, 740);

    private static readonly string[] Charts = ["kpi-on-time", "kpi-first-attempt", "kpi-hours", "kpi-failures"];

    [Fact]
    public Task The_dispatcher_sees_each_kpi_as_a_chart_with_its_table_in_English_and_Chinese_on_a_phone() => RunAsync(async () =>
    {
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Dispatcher);
        await Page.GotoAsync("dispatch/kpis");
        await shell.WaitForInteractiveAsync();

        await Expect(shell.Heading).ToHaveTextAsync("Delivery KPIs");
        await AssertChartsAsync("In-house courier");

        await shell.SwitchLanguageAsync("配送指标");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await AssertChartsAsync("自有配送员");
        await Expect(Page.GetByTestId("kpi-total")).ToContainTextAsync("及时率");
    });

    private async Task AssertChartsAsync(string channel)
    {
        foreach (var chart in Charts)
        {
            var panel = Page.GetByTestId(chart);
            await Expect(panel.Locator("svg").First).ToBeVisibleAsync();
            await Expect(panel.Locator("table tr").First).ToBeVisibleAsync();
        }

        await Expect(Page.GetByTestId("kpi-on-time").Locator("table")).ToContainTextAsync(channel);
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"The page scrolls sideways: scrollWidth {scrollWidth} > {PhoneWidth}.");
    }
}
