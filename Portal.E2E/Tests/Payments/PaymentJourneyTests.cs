using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Payments;

/// <summary>
/// Money end to end in Chromium against the built-in Stripe sandbox: a rep sends a payment link, the customer pays on
/// a phone, the order follows without a reload and the ledger balances; a partial refund needs a second person.
/// </summary>
public sealed class PaymentJourneyTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Fact]
    public Task Customer_pays_a_link_on_a_phone_and_the_reps_order_page_turns_paid_and_ready_for_dispatch_without_a_reload() => RunAsync(async () =>
    {
        var number = await PaidOnlineOrderAsync();

        await Expect(Page.GetByTestId("payment-status")).ToHaveTextAsync("Succeeded");
        await Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(DemoUsers.Finance);
        await Page.GotoAsync("finance/ledger");
        await new PortalShell(Page).WaitForInteractiveAsync();
        var debit = await Page.GetByTestId("total-debit").InnerTextAsync();
        await Expect(Page.GetByTestId("total-credit")).ToHaveTextAsync(debit);
        Assert.NotEqual("¥0.00", debit);
        await Page.GetByTestId("ledger-account").FillAsync("1100");
        await Expect(Page.Locator("td", new() { HasText = number }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_partial_refund_asked_by_the_back_office_is_approved_by_finance_and_shows_on_the_order_and_in_the_ledger() => RunAsync(async () =>
    {
        var number = await PaidOnlineOrderAsync();

        await Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(DemoUsers.BackOffice);
        await Page.GotoAsync($"orders/{number}");
        await new PortalShell(Page).WaitForInteractiveAsync();
        await Page.GetByTestId("refund-open").ClickAsync();
        await Page.GetByTestId("refund-amount").FillAsync("600");
        await Page.GetByTestId("refund-reason").FillAsync("Screen scratched on arrival");
        await Page.GetByTestId("refund-submit").ClickAsync();
        await Expect(Page.GetByTestId("refund-status")).ToHaveTextAsync("Awaiting approval");
        await Expect(Page.GetByTestId("refund-needs-other")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("refund-approve")).ToHaveCountAsync(0);

        await Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(DemoUsers.Finance);
        await Page.GotoAsync("finance/refunds");
        await new PortalShell(Page).WaitForInteractiveAsync();
        var waiting = Page.GetByTestId("refund-approval").Filter(new() { HasText = number });
        await waiting.GetByTestId("refund-approve").ClickAsync();
        await Expect(waiting).ToHaveCountAsync(0);

        await Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(DemoUsers.BackOffice);
        await Page.GotoAsync($"orders/{number}");
        await new PortalShell(Page).WaitForInteractiveAsync();
        // Stripe's refund webhook completes it; the page follows until it does.
        await Expect(Page.GetByTestId("refund-status")).ToHaveTextAsync("Succeeded", new() { Timeout = 30_000 });
        await Expect(Page.GetByTestId("payment-refunded")).ToHaveTextAsync("¥600.00");
        await Expect(Page.GetByTestId("order-payment-status")).ToHaveTextAsync("Partially refunded");
        await Expect(Page.GetByTestId("order-postings")).ToContainTextAsync("Refund paid");
    });

    /// <summary>The rep places an online pre-order and sends its link; the customer pays it by Alipay on a 360×740 phone.</summary>
    private async Task<string> PaidOnlineOrderAsync()
    {
        await new LoginPage(Page).SignInAsync(DemoUsers.Rep);
        var entry = await new OrderEntryPage(Page).GotoAsync();
        await entry.LookUpAsync("13800138000");
        await entry.ChooseFlowAsync("flow-preorder");
        await entry.AddProductAsync("HS-HONOR-X50-128-BLK");
        await entry.SetDeliveryDateAsync(DateOnly.FromDateTime(OrderEntryPage.ChinaNow.AddDays(1)));
        await entry.CheckAsync("slot-14:00-18:00");
        await entry.CheckAsync("payment-Online");
        await entry.SubmitAsync();
        await Expect(entry.ResultStatus).ToContainTextAsync("Awaiting payment");
        var number = (await entry.ResultNumber.InnerTextAsync()).Trim();

        await Page.GotoAsync($"orders/{number}");
        await new PortalShell(Page).WaitForInteractiveAsync();
        await Page.GetByTestId("send-payment-link").ClickAsync();
        var link = await Page.GetByTestId("payment-link").GetAttributeAsync("href") ?? throw new InvalidOperationException("No payment link");

        await using var phone = await App.NewContextAsync(360, 740);
        var customer = await phone.NewPageAsync();
        await customer.GotoAsync(new Uri(link).PathAndQuery.TrimStart('/'));
        await Expect(customer.GetByTestId("sandbox-banner")).ToHaveTextAsync("Sandbox — no real money");
        await Expect(customer.GetByTestId("pay-order")).ToHaveTextAsync(number);
        Assert.True(await customer.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The pay page scrolls sideways at 360 px");
        await customer.GetByTestId("pay-method-alipay").CheckAsync();
        await customer.GetByTestId("pay-submit").ClickAsync();
        await Expect(customer.GetByTestId("pay-result")).ToContainTextAsync("Paid. Thank you", new() { Timeout = 20_000 });

        // The rep's page was never reloaded: it follows the payment until Stripe's webhook confirmed it.
        await Expect(Page.GetByTestId("order-payment-status")).ToHaveTextAsync("Paid");
        await Expect(Page.GetByTestId("status-badge").First).ToHaveTextAsync("Ready for dispatch");
        return number;
    }
}
