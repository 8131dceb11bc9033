using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.KeyMoments;

/// <summary>A rep works the top key-moment task into an order while the supervisor's overview counts it live.</summary>
public sealed partial class KeyMomentJourneyTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Fact]
    public Task Rep_takes_the_top_task_orders_the_suggested_plan_and_the_overview_counts_it_without_a_reload() => RunAsync(async () =>
    {
        // The supervisor watches the overview in another browser; it must move without being reloaded.
        await using var supervisorContext = await App.NewContextAsync();
        var supervisor = await supervisorContext.NewPageAsync();
        await new LoginPage(supervisor).SignInAsync(DemoUsers.Supervisor);
        await new PortalShell(supervisor).WaitForInteractiveAsync();
        var ordered = supervisor.GetByTestId("tasks-ordered");
        var before = int.Parse(await ordered.InnerTextAsync());

        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Rep);
        await Page.GotoAsync("rep/tasks");
        await shell.WaitForInteractiveAsync();
        var top = Page.GetByTestId("task-card").First;
        await Expect(top).ToContainTextAsync("刘志伟");
        await top.GetByTestId("take-task").ClickAsync();

        await Expect(Page).ToHaveURLAsync(TaskUrl());
        await Expect(Page.GetByTestId("task-status")).ToHaveTextAsync("Claimed");
        await Expect(Page.GetByTestId("time-axis")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("usage-month")).ToHaveCountAsync(4);
        await Expect(Page.GetByTestId("plan-suggestion")).ToContainTextAsync("5G畅享套餐 128元");
        await Expect(Page.GetByTestId("plan-suggestion")).ToContainTextAsync("in 3 of the last 4 months");
        var taskUrl = Page.Url;

        await Page.GetByTestId("start-direct").ClickAsync();
        await shell.WaitForInteractiveAsync();
        var entry = new OrderEntryPage(Page);
        await Expect(entry.CustomerCard).ToContainTextAsync("刘志伟");
        await Expect(Page.GetByTestId("line-row")).ToContainTextAsync("PLAN-5G-128");
        await entry.CheckAsync("payment-BillToAccount");
        await entry.SubmitAsync();
        var number = await entry.ResultNumber.InnerTextAsync();

        await Page.GotoAsync(taskUrl);
        await shell.WaitForInteractiveAsync();
        await Expect(Page.GetByTestId("task-status")).ToHaveTextAsync("Closed");
        await Expect(Page.GetByTestId("task-outcome")).ToContainTextAsync($"Ordered · {number}");
        await Expect(Page.GetByTestId("past-order").Filter(new() { HasText = number })).ToHaveCountAsync(1);

        await Expect(ordered).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 30_000 });
    });

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public Task Key_moment_pages_fit_a_phone_in_both_languages(string culture) => RunAsync(async () =>
    {
        var chinese = culture == "zh-CN";
        await Page.SetViewportSizeAsync(360, 740);
        var shell = await SignInAsync(Page, DemoUsers.Admin, culture);
        await FitsAsync(Page, shell, "admin/key-moments", chinese ? "关键时刻规则" : "Key-moment rules");
        await FitsAsync(Page, shell, "admin/overview", chinese ? "运营总览" : "Overview");

        await using var repContext = await App.NewContextAsync(360, 740);
        var rep = await repContext.NewPageAsync();
        shell = await SignInAsync(rep, DemoUsers.Rep, culture);
        await FitsAsync(rep, shell, "rep/tasks", chinese ? "关键时刻任务" : "Key-moment tasks");
        await rep.GetByTestId("task-card").Last.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(rep).ToHaveURLAsync(TaskUrl());
        await Expect(rep.GetByTestId("time-axis")).ToContainTextAsync(chinese ? "时间轴" : "Time axis");
        await AssertNoSidewaysScrollAsync(rep, $"task-{culture}");
    }, culture);

    /// <summary>Signs in (the sign-in page is driven in English), then reads every page in <paramref name="culture"/>.</summary>
    private async Task<PortalShell> SignInAsync(IPage page, DemoUser user, string culture)
    {
        var shell = await new LoginPage(page).SignInAsync(user);
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = App.BaseUrl.ToString() }]);
        return shell;
    }

    private static async Task FitsAsync(IPage page, PortalShell shell, string href, string heading)
    {
        await page.GotoAsync(href);
        await shell.WaitForInteractiveAsync();
        await Expect(shell.Heading).ToHaveTextAsync(heading);
        await Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(page, href);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string name)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var width = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(scrollWidth <= width, $"{name} scrolls sideways: scrollWidth {scrollWidth} > {width}");
    }

    [GeneratedRegex(@"/rep/tasks/\d+$")]
    private static partial Regex TaskUrl();
}
