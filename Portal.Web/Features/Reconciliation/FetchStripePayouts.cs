using System.Security.Cryptography;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Jobs;
using Portal.Web.Common.Security;
using Portal.Web.Common.Telemetry;
using Portal.Web.Features.Payments;

namespace Portal.Web.Features.Reconciliation;

public sealed class StripePayoutOptions
{
    public const string Section = "Audit:StripePayouts";

    /// <summary>How far back each fetch asks Stripe for payouts; a payout seen before is skipped.</summary>
    public int LookbackDays { get; set; } = 35;

    /// <summary>How often one node fetches on its own; 0 leaves it to the button on /finance.</summary>
    public int FetchEveryMinutes { get; set; } = 60;
}

/// <summary>
/// Tier 3: Stripe's paid payouts and, for each, the balance transactions it paid out, through Stripe.net. A payout
/// or transaction seen before is skipped, so fetching twice changes nothing. Each new payout posts to the ledger
/// once (Stripe balance to bank, its fees to the fees account); then the matcher runs: charges against our online
/// and Terminal payments by PaymentIntent, payouts against bank lines by amount and date.
/// </summary>
public static class FetchStripePayouts
{
    public const string Job = "stripe-payouts";

    [AuthorizeRequest(Roles.Finance, Roles.System)]
    public sealed record Command : ICommand<Result>;

    public sealed record Result(int Payouts, int NewPayouts, int NewTransactions, int Decisions);

    internal sealed class Handler(PortalDbContext db, IPaymentGateway gateway, ICurrentUser user, IClock clock, IOptions<StripePayoutOptions> options, PortalMetrics metrics)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var payouts = (await gateway.ListPayoutsAsync(now.AddDays(-options.Value.LookbackDays), cancellationToken))
                .Where(p => p.Status == "paid")
                .ToList();
            var ids = payouts.Select(p => p.Id).ToList();
            var known = (await db.StripePayoutLines.Where(p => ids.Contains(p.PayoutId)).Select(p => p.PayoutId).ToListAsync(cancellationToken)).ToHashSet();
            var fresh = payouts.Where(p => known.Add(p.Id)).ToList();
            var newTransactions = 0;
            var days = new SortedSet<DateOnly>();
            foreach (var payout in fresh)
            {
                var transactions = (await gateway.ListBalanceTransactionsAsync(payout.Id, cancellationToken)).Where(t => t.Type != "payout").ToList();
                newTransactions += await StoreAsync(payout, transactions, cancellationToken);
                var fees = transactions.Aggregate(Money.Zero, (sum, t) => sum + t.Fee);
                await db.PostOnceAsync(Postings.StripePaidOut(payout.Id, payout.Amount, fees, user.Actor, now), cancellationToken);
                days.Add(ChinaTime.Today(payout.ArrivalUtc));
            }

            if (fresh.Count > 0)
            {
                db.AuditImports.Add(AuditImport.Accept(
                    Guid.NewGuid(), ImportKind.StripePayouts, "Stripe payouts", Fingerprint(ids), payouts.Count, payouts.Count - fresh.Count, user.Actor, now));
            }

            var decisions = 0;
            foreach (var day in days)
            {
                await db.SaveChangesAsync(cancellationToken);
                decisions += await AuditBooks.MatchAroundAsync(db, metrics, day, now, cancellationToken);
            }

            return new Result(payouts.Count, fresh.Count, newTransactions, decisions);
        }

        private async Task<int> StoreAsync(ProviderPayout payout, IReadOnlyList<ProviderBalanceTransaction> transactions, CancellationToken cancellationToken)
        {
            db.StripePayoutLines.Add(StripePayoutLine.Create(payout.Id, ChinaTime.Today(payout.ArrivalUtc), payout.Amount, payout.Status, clock.UtcNow));
            var txnIds = transactions.Select(t => t.Id).ToList();
            var seen = (await db.StripeBalanceLines.Where(b => txnIds.Contains(b.TransactionId)).Select(b => b.TransactionId).ToListAsync(cancellationToken)).ToHashSet();
            var added = 0;
            foreach (var txn in transactions.Where(t => seen.Add(t.Id)))
            {
                db.StripeBalanceLines.Add(StripeBalanceLine.Create(
                    txn.Id, payout.Id, txn.PaymentIntent, txn.Type, ChinaTime.Today(txn.CreatedUtc), txn.Amount, txn.Fee, txn.Net));
                added++;
            }

            return added;
        }

        private static string Fingerprint(IEnumerable<string> payoutIds) =>
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', payoutIds.Order(StringComparer.Ordinal)))));
    }
}

/// <summary>Fetches Stripe's payouts on one node at a time, every <see cref="StripePayoutOptions.FetchEveryMinutes"/>.</summary>
internal sealed class StripePayoutFetch(
    ScopedSender sender, JobLeases leases, TimeProvider time, IOptions<StripePayoutOptions> options, ILogger<StripePayoutFetch> logger)
    : LeasedJob(leases, time, logger)
{
    protected override string Name => FetchStripePayouts.Job;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.FetchEveryMinutes));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.FetchEveryMinutes <= 0)
        {
            return;
        }

        // Not at startup: the built-in sandbox is reachable only once the server listens, and payouts are not urgent.
        await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        await base.ExecuteAsync(stoppingToken);
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        sender.Send(new FetchStripePayouts.Command(), SystemPrincipal.For(Name), cancellationToken);
}
