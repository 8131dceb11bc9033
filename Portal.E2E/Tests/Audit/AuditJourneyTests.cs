using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Audit;

/// <summary>
/// The three-tier audit end to end on the demo's last day, whose one courier still has cash to hand over: the
/// cashier counts it short and says why, the courier signs the count on a phone, a Finance user who did not count
/// approves the difference, the bank statement is imported, and the day matches and closes.
/// </summary>
public sealed class AuditJourneyTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    private const decimal Shortage = 50m;
    private static readonly decimal[] Denominations = [100m, 50m, 20m, 10m, 5m, 1m, 0.5m, 0.1m];

    [Fact]
    public Task A_short_handover_is_signed_on_a_phone_approved_by_finance_banked_matched_and_the_day_closes() => RunAsync(async () =>
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reason = $"One ¥50 note missing ({Guid.NewGuid():N})"[..40];
        var slipNumber = $"DS-E2E-{DateTime.UtcNow:HHmmssfff}";

        // Tier 1 at the desk: the courier still waiting on that day is counted ¥50 short, with the reason.
        await new LoginPage(Page).SignInAsync(DemoUsers.Cashier);
        await Page.GotoAsync($"cashier?day={day}");
        var shell = new PortalShell(Page);
        await shell.WaitForInteractiveAsync();
        var waiting = Page.GetByTestId("cashier-courier").Filter(new() { Has = Page.GetByTestId("cashier-count") });
        await Expect(waiting).ToHaveCountAsync(1);
        var courierLogin = (await waiting.GetByTestId("cashier-courier-login").InnerTextAsync()).Trim();
        // From here on the card is found by its courier: counting takes its "count" button away.
        var card = Page.GetByTestId("cashier-courier").Filter(new() { Has = Page.GetByText(courierLogin, new() { Exact = true }) });
        var expected = Yuan(await card.GetByTestId("cashier-expected").InnerTextAsync());
        var counted = expected - Shortage;
        await PortalShell.ClickUntilAsync(card.GetByTestId("cashier-count"), () => card.GetByTestId("handover-form").IsVisibleAsync());
        foreach (var (denomination, pieces) in Notes(counted))
        {
            await card.GetByTestId($"handover-count-{denomination.ToString("0.##", CultureInfo.InvariantCulture)}").FillAsync(pieces.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var slip in await card.GetByTestId("handover-slip").AllAsync())
        {
            await slip.CheckAsync(new() { Force = true });
        }

        await card.GetByTestId("handover-count-0.1").PressAsync("Tab");
        await Expect(card.GetByTestId("handover-difference")).ToHaveTextAsync("-¥50.00");
        await card.GetByTestId("handover-reason").FillAsync(reason);
        await card.GetByTestId("handover-submit").ClickAsync();
        await Expect(card.GetByTestId("cashier-variance")).ToHaveTextAsync("-¥50.00");
        await Expect(card.GetByTestId("cashier-courier-signed")).ToHaveTextAsync("Waiting for the courier");

        // Tier 2: the counted cash is paid in at the bank.
        await Page.GetByTestId("deposit-slip").FillAsync(slipNumber);
        await Page.GetByTestId("deposit-amount").FillAsync(counted.ToString("0.00", CultureInfo.InvariantCulture));
        await Page.GetByTestId("deposit-submit").ClickAsync();
        await Expect(Page.GetByText($"Deposit {slipNumber} recorded.")).ToBeVisibleAsync();

        // The courier signs the count on their phone.
        var phone = await App.NewContextAsync(360, 740);
        await using (phone)
        {
            var courierPage = await phone.NewPageAsync();
            await new LoginPage(courierPage).SignInAsync(new DemoUser("Courier", courierLogin, "courier", "My deliveries", "我的配送"));
            var link = courierPage.GetByTestId("courier-handover-link").Filter(new() { HasText = day });
            await Expect(link).ToHaveAttributeAsync("data-signed", "false");
            await link.ClickAsync();
            await new PortalShell(courierPage).WaitForInteractiveAsync();
            await Expect(courierPage.GetByTestId("courier-handover-variance")).ToHaveTextAsync("-¥50.00");
            await Expect(courierPage.GetByTestId("courier-handover-reason")).ToHaveTextAsync(reason);
            var sign = courierPage.GetByTestId("courier-handover-sign");
            await Expect(sign).ToBeInViewportAsync();
            Assert.True((await sign.BoundingBoxAsync())!.Height >= 44, "The sign button is too small to tap.");
            Assert.True(await courierPage.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360, "The handover scrolls sideways on a phone.");
            await PortalShell.ClickUntilAsync(sign, () => courierPage.GetByTestId("courier-handover-signed").IsVisibleAsync());
        }

        // Tier 3: a Finance user who did not count approves the difference, imports the bank's file, and closes the day.
        await Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(DemoUsers.Finance);
        var approval = Page.GetByTestId("finance-approval").Filter(new() { HasText = reason });
        await approval.GetByTestId("finance-approve").ClickAsync();
        await Expect(approval).ToHaveCountAsync(0);
        var statement = "BookingDate,ValueDate,Amount,Currency,Reference,Counterparty,Narrative,LineId\n" +
            $"{day},{day},{counted.ToString("0.00", CultureInfo.InvariantCulture)},CNY,{slipNumber},海珠网点,现金存款,E2E-{slipNumber}\n";
        await Page.GetByTestId("finance-import-bank").SetInputFilesAsync(new FilePayload
        {
            Name = "statement.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(statement),
        });
        await Expect(Page.GetByTestId("finance-status")).ToHaveTextAsync("Balanced");
        await Page.GetByTestId("finance-close").ClickAsync();
        await Expect(Page.GetByTestId("finance-status")).ToHaveTextAsync("Closed");
    });

    private static decimal Yuan(string text) => decimal.Parse(text.Replace("¥", "").Replace(",", "").Trim(), CultureInfo.InvariantCulture);

    /// <summary>The amount in notes and coins, largest first.</summary>
    private static IEnumerable<(decimal Denomination, int Pieces)> Notes(decimal amount)
    {
        foreach (var denomination in Denominations)
        {
            var pieces = (int)(amount / denomination);
            amount -= pieces * denomination;
            if (pieces > 0)
            {
                yield return (denomination, pieces);
            }
        }
    }
}
