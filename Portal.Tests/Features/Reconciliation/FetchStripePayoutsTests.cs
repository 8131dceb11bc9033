using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Tests.Features.Payments;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Reconciliation;

namespace Portal.Tests.Features.Reconciliation;

/// <summary>A portal whose Stripe.net lists one object per page from the sandbox, so every fetch pages.</summary>
public sealed class PagedStripePortalFixture : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = null!;

    public StripeSandboxHost Stripe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stripe = await StripeSandboxHost.StartAsync();
        Host = await PortalHost.StartAsync(configure: builder =>
        {
            builder.Configuration["Stripe:ApiBase"] = Stripe.ApiBase;
            builder.Configuration["Stripe:ListPageSize"] = "1";
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

/// <summary>Tier 3: Stripe's payouts and balance transactions fetched through Stripe.net, stored once, posted once, matched.</summary>
public sealed class FetchStripePayoutsTests(PagedStripePortalFixture fixture) : IClassFixture<PagedStripePortalFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Fetching_twice_stores_each_payout_and_transaction_once_and_matches_its_payments()
    {
        var first = await PaidOnline();
        var second = await PaidOnline();
        var payoutId = await PayOut();
        var finance = await Host.PrincipalFor("finance@portal.local");

        var fetched = await Host.Send(new FetchStripePayouts.Command(), finance);
        var again = await Host.Send(new FetchStripePayouts.Command(), finance);

        Assert.True(fetched.NewPayouts >= 1);
        Assert.Equal((0, 0), (again.NewPayouts, again.NewTransactions));
        var lines = await Host.WithDb(db => db.StripeBalanceLines.Where(b => b.PayoutId == payoutId).ToListAsync());
        Assert.Equal(lines.Count, lines.Select(l => l.TransactionId).Distinct().Count());
        Assert.Contains(lines, l => l.PaymentIntent == first.Intent && l.Type == "charge");
        Assert.Contains(lines, l => l.PaymentIntent == second.Intent && l.Type == "charge");
        Assert.Equal(1, await Host.WithDb(db => db.StripePayoutLines.CountAsync(p => p.PayoutId == payoutId)));

        // Stripe's balance went to the bank, and the fees it kept to the fees account, once.
        var posting = Assert.Single(await Host.WithDb(db => db.LedgerTransactions.AsNoTracking()
            .Where(t => t.Kind == LedgerTransactionKind.StripePayout && t.SourceReference == $"payout:{payoutId}").ToListAsync()));
        var fees = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Fee);
        var gross = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Amount);
        Assert.True(fees > Money.Zero);
        Assert.Equal(fees, posting.Entries.Single(e => e.AccountCode == ChartOfAccounts.Fees).Debit);
        Assert.Equal(gross - fees, posting.Entries.Single(e => e.AccountCode == ChartOfAccounts.Bank).Debit);

        var work = await Worklist();
        Assert.DoesNotContain(work, w => w.Key == $"payment:{first.Token:N}" || w.Key == $"payment:{second.Token:N}");
    }

    [Fact]
    public async Task A_payment_missing_from_every_payout_lands_on_the_worklist()
    {
        var paidOut = await PaidOnline();
        await PayOut();
        var missing = await PaidOnline();

        await Host.Send(new FetchStripePayouts.Command(), await Host.PrincipalFor("finance@portal.local"));

        var work = await Worklist();
        var item = Assert.Single(work, w => w.Key == $"payment:{missing.Token:N}");
        Assert.Equal(("stripe", "UnmatchedExpected"), (item.Scope, item.Kind));
        Assert.DoesNotContain(work, w => w.Key == $"payment:{paidOut.Token:N}");
    }

    [Fact]
    public async Task Only_finance_or_the_portal_itself_may_fetch()
    {
        await Assert.ThrowsAsync<Portal.Web.Common.Security.ForbiddenRequestException>(() =>
            Host.Send(new FetchStripePayouts.Command(), Host.PrincipalFor("rep@portal.local").Result));
    }

    /// <summary>An online order paid in the sandbox and confirmed by its webhook.</summary>
    private async Task<(Guid Token, string Intent)> PaidOnline()
    {
        var (_, _, token, intent) = await PayPageTests.Link(Host);
        await fixture.Stripe.HelperAsync($"payment_intents/{intent}/succeed");
        await fixture.Stripe.DeliverEventsAsync(Host, "payment_intent.succeeded", intent);
        return (token, intent);
    }

    private async Task<string> PayOut()
    {
        await fixture.Stripe.HelperAsync("payouts");
        return (await fixture.Stripe.GetAsync("payouts?limit=1")).GetProperty("data")[0].GetProperty("id").GetString()!;
    }

    private async Task<IReadOnlyList<GetReconciliation.Work>> Worklist() =>
        (await Host.Send(new GetReconciliation.Query(ChinaTime.Today(DateTime.UtcNow)), await Host.PrincipalFor("finance@portal.local"))).Worklist;
}
