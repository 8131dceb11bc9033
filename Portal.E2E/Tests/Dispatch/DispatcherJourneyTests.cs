using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Dispatch;

/// <summary>
/// A dispatcher's morning on the board: holds one delivery, runs the proposal, accepts it and moves one stop to
/// another courier with a reason; the board shows each of those.
/// </summary>
public sealed class DispatcherJourneyTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    private const string InHouse = "陈强";
    private const string Company = "顺达速递";

    [Fact]
    public Task The_dispatcher_holds_one_delivery_accepts_the_proposal_and_moves_one_stop_with_a_reason() => RunAsync(async () =>
    {
        var intake = new IntakeApi(App.BaseUrl);
        // A handset goes in-house (activation help), a SIM card to the courier company; the third is held.
        var handset = await intake.PlaceDeliveryOrderForTrackingAsync("调度甲", Phone(), "HS-HW-NOVA12-256-WHT");
        var sim = await intake.PlaceDeliveryOrderForTrackingAsync("调度乙", Phone(), "SIM-5G-STD");
        var held = await intake.PlaceDeliveryOrderForTrackingAsync("调度丙", Phone(), "SIM-5G-STD");
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Dispatcher);
        await Page.GotoAsync($"dispatch?date={tomorrow}");
        await shell.WaitForInteractiveAsync();

        var heldCard = Waiting(held);
        await PortalShell.ClickUntilAsync(heldCard.GetByTestId("waiting-hold-open"), () => Input(heldCard, "waiting-hold-reason").IsVisibleAsync());
        await Input(heldCard, "waiting-hold-reason").FillAsync("客户出差，下周再送");
        await heldCard.GetByTestId("waiting-hold-confirm").ClickAsync();
        await Expect(heldCard.GetByTestId("waiting-hold")).ToContainTextAsync("客户出差，下周再送");

        await Page.GetByTestId("board-propose").ClickAsync();
        var proposal = Page.GetByTestId("board-proposal");
        await Expect(proposal).ToContainTextAsync(handset);
        await Expect(proposal).ToContainTextAsync(sim);
        await Expect(proposal).Not.ToContainTextAsync(held);
        await proposal.GetByTestId("proposal-accept").ClickAsync();
        await Expect(Stop(InHouse, handset)).ToBeVisibleAsync();
        await Expect(Stop(Company, sim)).ToBeVisibleAsync();

        var run = Run(InHouse);
        await run.GetByTestId("run-split").ClickAsync();
        await run.Locator("label").Filter(new() { HasText = handset }).ClickAsync();
        await run.Locator(".mud-select").Filter(new() { Has = Page.GetByTestId("run-split-courier") }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = Company }).First.ClickAsync();
        await Input(run, "run-split-reason").FillAsync("陈强今天路线太长");
        await run.GetByTestId("run-split-confirm").ClickAsync();

        await Expect(Stop(Company, handset)).ToBeVisibleAsync();
        await Expect(Stop(InHouse, handset)).ToHaveCountAsync(0);
        await Expect(Waiting(held).GetByTestId("waiting-status")).ToHaveTextAsync("On hold");
        await Expect(Waiting(held).GetByTestId("waiting-release")).ToBeVisibleAsync();
    });

    private ILocator Waiting(string trackingCode) => Page.Locator($"[data-testid=waiting-card][data-tracking='{trackingCode}']");

    private ILocator Run(string courier) => Page.Locator($"[data-testid=run-card][data-courier='{courier}']");

    private ILocator Stop(string courier, string trackingCode) => Run(courier).Locator($"[data-testid=run-stop][data-tracking='{trackingCode}']");

    private static ILocator Input(ILocator within, string testId) => within.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);
}
