using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Api;
using Portal.Web.Features.Payments;

namespace Portal.Tests.Api;

/// <summary>
/// Payment links, the order's payments and the trial balance through the real HTTP pipeline; the portal's Stripe.net
/// gateway talks to the sandbox on a loopback port, and the sandbox's own event is signed and delivered back.
/// </summary>
public sealed class PaymentApiTests(PaymentApiTests.Fixture fixture) : IClassFixture<PaymentApiTests.Fixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_payment_link_is_paid_in_the_sandbox_and_the_order_shows_its_payment_and_becomes_ready_for_dispatch()
    {
        var number = await OnlineOrder();

        var created = await Api(DemoAccounts.IntakeKey).PostAsync($"/api/v1/orders/{number}/payment-links", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var link = await Json(created);
        var intent = link.GetProperty("paymentIntentId").GetString()!;
        Assert.StartsWith("https://portal.example/pay/", link.GetProperty("url").GetString());
        Assert.StartsWith("pi_", intent);
        Assert.True(link.GetProperty("expiresAt").GetDateTime() > DateTime.UtcNow.AddHours(23));

        // Asking again while the link is open hands out the same intent.
        var again = await Json(await Api(DemoAccounts.IntakeKey).PostAsync($"/api/v1/orders/{number}/payment-links", null));
        Assert.Equal(intent, again.GetProperty("paymentIntentId").GetString());

        await fixture.Stripe.HelperAsync($"payment_intents/{intent}/succeed", ("payment_method_type", "wechat_pay"));
        await DeliverSandboxEvents("payment_intent.succeeded", intent);

        var order = await Json(await Api(DemoAccounts.IntakeKey).GetAsync($"/api/v1/orders/{number}"));
        Assert.Equal(("ReadyForDispatch", "Paid"), (order.GetProperty("status").GetString(), order.GetProperty("paymentStatus").GetString()));
        var payment = Assert.Single(order.GetProperty("payments").EnumerateArray());
        Assert.Equal(("Online", "Succeeded", intent, 0m), (
            payment.GetProperty("method").GetString(), payment.GetProperty("status").GetString(),
            payment.GetProperty("reference").GetString(), payment.GetProperty("refunded").GetDecimal()));
        Assert.Equal(order.GetProperty("total").GetDecimal(), payment.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_cash_order_gets_no_payment_link_and_nothing_is_written()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var cash = await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone());

        var refused = await Api(DemoAccounts.IntakeKey).PostAsync($"/api/v1/orders/{cash.Number}/payment-links", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await Host.WithDb(db => db.Payments.CountAsync(p => p.OrderNumber == cash.Number)));
        Assert.Equal(HttpStatusCode.NotFound, (await Api(DemoAccounts.IntakeKey).PostAsync("/api/v1/orders/SO000000000000/payment-links", null)).StatusCode);
    }

    [Fact]
    public async Task The_trial_balance_balances_and_answers_finance_clients_only()
    {
        var number = await OnlineOrder();
        var link = await Json(await Api(DemoAccounts.IntakeKey).PostAsync($"/api/v1/orders/{number}/payment-links", null));
        var intent = link.GetProperty("paymentIntentId").GetString()!;
        await fixture.Stripe.HelperAsync($"payment_intents/{intent}/succeed");
        await DeliverSandboxEvents("payment_intent.succeeded", intent);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");

        var response = await Api(DemoAccounts.FinanceKey).GetAsync($"/api/v1/ledger/trial-balance?date={today}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var balance = await Json(response);
        Assert.Equal(today, balance.GetProperty("date").GetString());
        Assert.Equal(balance.GetProperty("totalDebit").GetDecimal(), balance.GetProperty("totalCredit").GetDecimal());
        var accounts = balance.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!);
        Assert.Equal("Stripe balance", accounts["1400"].GetProperty("name").GetString());
        Assert.True(accounts["1400"].GetProperty("debit").GetDecimal() > 0);
        // Paid but not delivered: the money is owed as goods (contract liability), not yet revenue (ADR 0013).
        Assert.Equal(-accounts["2200"].GetProperty("balance").GetDecimal(), accounts["1400"].GetProperty("balance").GetDecimal());
        Assert.False(accounts.ContainsKey("4000") && accounts["4000"].GetProperty("balance").GetDecimal() != 0m);
        Assert.Equal(0m, accounts["1100"].GetProperty("balance").GetDecimal());

        Assert.Equal(HttpStatusCode.Forbidden, (await Api(DemoAccounts.IntakeKey).GetAsync($"/api/v1/ledger/trial-balance?date={today}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api(DemoAccounts.FinanceKey).GetAsync("/api/v1/ledger/trial-balance?date=2026-13-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api(DemoAccounts.FinanceKey).GetAsync("/api/v1/ledger/trial-balance")).StatusCode);
    }

    [Fact]
    public async Task A_large_refund_waits_for_a_second_person_then_goes_to_stripe_once_and_shows_on_the_order_and_in_the_ledger()
    {
        var number = await OnlineOrder("HS-HONOR-X50-128-BLK");
        var link = await Json(await Api(DemoAccounts.IntakeKey).PostAsync($"/api/v1/orders/{number}/payment-links", null));
        var intent = link.GetProperty("paymentIntentId").GetString()!;
        await fixture.Stripe.HelperAsync($"payment_intents/{intent}/succeed");
        await DeliverSandboxEvents("payment_intent.succeeded", intent);
        var paymentId = await Host.WithDb(db => db.Payments.Where(p => p.Reference == intent).Select(p => p.Key).SingleAsync());
        var backOffice = await Host.PrincipalFor("backoffice@portal.local");

        var requested = await Host.Send(new RefundPayment.Request(paymentId, 600m, "Screen scratched on arrival"), backOffice);
        Assert.Equal("AwaitingApproval", requested.Status);
        var sameEyes = await Assert.ThrowsAsync<Portal.Domain.Common.DomainException>(() => Host.Send(new RefundPayment.Approve(paymentId, requested.RefundId), backOffice));
        Assert.Equal("refund.same_approver", sameEyes.Code);

        var approved = await Host.Send(new RefundPayment.Approve(paymentId, requested.RefundId), await Host.PrincipalFor("finance@portal.local"));
        Assert.Equal("Requested", approved.Status);
        await Host.DeliverOutboxAsync();
        await Host.DeliverOutboxAsync();
        await DeliverSandboxEvents("refund.updated", intent);
        await DeliverSandboxEvents("charge.refunded", intent);

        var order = await Json(await Api(DemoAccounts.IntakeKey).GetAsync($"/api/v1/orders/{number}"));
        Assert.Equal("PartiallyRefunded", order.GetProperty("paymentStatus").GetString());
        Assert.Equal(600m, Assert.Single(order.GetProperty("payments").EnumerateArray()).GetProperty("refunded").GetDecimal());
        var kinds = await Host.WithDb(db => db.LedgerTransactions.Where(t => t.OrderNumber == number).Select(t => t.Kind).ToListAsync());
        Assert.Equal(1, kinds.Count(k => k == Portal.Domain.Ledger.LedgerTransactionKind.RefundOwed));
        Assert.Equal(1, kinds.Count(k => k == Portal.Domain.Ledger.LedgerTransactionKind.RefundPaid));
        Assert.Single(fixture.Stripe.Sandbox.EventIds("refund.updated"), id => fixture.Stripe.Sandbox.EventJson(id).Contains(intent, StringComparison.Ordinal));
    }

    private async Task<string> OnlineOrder(string sku = "ACC-CHARGER-66W")
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        return (await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone(), sku, payment: "Online")).Number;
    }

    private Task DeliverSandboxEvents(string type, string intentId) => fixture.Stripe.DeliverEventsAsync(Host, type, intentId);

    private HttpClient Api(string key) => Host.CreateApiClient(key);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalHost Host { get; private set; } = null!;

        public StripeSandboxHost Stripe { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Stripe = await StripeSandboxHost.StartAsync();
            Host = await PortalHost.StartAsync(configure: builder =>
            {
                builder.Configuration["Stripe:ApiBase"] = Stripe.ApiBase;
                builder.Configuration["PaymentLinks:PublicBaseUrl"] = "https://portal.example";
            });
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Stripe.DisposeAsync();
        }
    }
}
