using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;
using Portal.Web.Common.Telemetry;
using AuditRules = Portal.Domain.Audit.Reconciliation;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// The audit's matching problems over a window of China business days, read from the database as the domain's
/// match items, with each scope's book replayed from its recorded decisions. Keys say what an item is
/// ("slip:DS-1", "bank:L-7"), so a decision stays readable on its own.
/// </summary>
internal sealed class AuditBooks
{
    public const string Deposits = "deposits";
    public const string Pos = "pos";
    public const string Stripe = "stripe";
    public const string Bank = "bank";

    /// <summary>How far around a day the matcher looks: evidence arrives days after the money moved.</summary>
    public const int WindowDays = 10;

    private static readonly PaymentAttemptStatus[] Captured =
        [PaymentAttemptStatus.Succeeded, PaymentAttemptStatus.PartiallyRefunded, PaymentAttemptStatus.Refunded];

    private readonly IReadOnlySet<string> _explainedMatches;

    private AuditBooks(
        IReadOnlyList<ReconciliationScope> scopes, IReadOnlyDictionary<string, MatchBook> books, IReadOnlyList<HandoverLine> handovers, IReadOnlySet<string> explainedMatches)
    {
        Scopes = scopes;
        Books = books;
        Handovers = handovers;
        _explainedMatches = explainedMatches;
    }

    public IReadOnlyList<ReconciliationScope> Scopes { get; }

    public IReadOnlyDictionary<string, MatchBook> Books { get; }

    public IReadOnlyList<HandoverLine> Handovers { get; }

    public static MatchingOptions Options => MatchingOptions.Default;

    public static async Task<AuditBooks> LoadAsync(PortalDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var fromUtc = ChinaTime.StartOfDayUtc(from);
        var toUtc = ChinaTime.StartOfDayUtc(to.AddDays(1));

        var handovers = await db.CashHandovers.AsNoTracking().Where(h => h.Day >= from && h.Day <= to).ToListAsync(ct);
        var subjects = handovers.Select(h => Subject(h.Key)).ToList();
        var explained = (await db.AuditVariances.AsNoTracking()
                .Where(v => subjects.Contains(v.Subject) && (v.Status == VarianceStatus.Accepted || v.Status == VarianceStatus.Approved))
                .Select(v => v.Subject).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var slips = await db.DepositSlips.AsNoTracking().Where(d => d.Day >= from && d.Day <= to).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking()
            .Where(p => Captured.Contains(p.Status) && p.SettledAtUtc >= fromUtc && p.SettledAtUtc < toUtc)
            .Select(p => new { p.Key, p.Channel, p.Amount, p.Reference, p.SettledAtUtc })
            .ToListAsync(ct);
        var settlements = await db.PosSettlementLines.AsNoTracking().Where(l => l.SettlementDate >= from && l.SettlementDate <= to).ToListAsync(ct);
        var balance = await db.StripeBalanceLines.AsNoTracking().Where(b => b.Date >= from && b.Date <= to).ToListAsync(ct);
        var payouts = await db.StripePayoutLines.AsNoTracking().Where(p => p.ArrivalDate >= from && p.ArrivalDate <= to).ToListAsync(ct);
        var bank = await db.BankStatementLines.AsNoTracking().Where(l => l.BookingDate >= from && l.BookingDate <= to && l.Amount > Money.Zero).ToListAsync(ct);

        var scopes = new List<ReconciliationScope>
        {
            new(Deposits, AuditTier.Station,
                [.. handovers.Where(h => h.CountedCash > Money.Zero).Select(h => new MatchItem(Subject(h.Key), h.CountedCash, h.Day, Group: h.Station))],
                [.. slips.Select(s => new MatchItem($"slip:{s.SlipNumber}", s.Amount, s.Day, s.SlipNumber, s.Station))]),
            new(Pos, AuditTier.Station,
                [.. payments.Where(p => p.Channel == PaymentChannel.Pos)
                    .Select(p => new MatchItem($"payment:{p.Key:N}", p.Amount, ChinaTime.Today(p.SettledAtUtc!.Value), p.Reference))],
                [.. settlements.Select(l => new MatchItem($"settlement:{l.TerminalId}/{l.BatchNo}/{l.Reference}", l.Amount, l.SettlementDate, l.Reference))]),
            new(Stripe, AuditTier.Finance,
                [.. payments.Where(p => p.Channel is PaymentChannel.Online or PaymentChannel.Terminal)
                    .Select(p => new MatchItem($"payment:{p.Key:N}", p.Amount, ChinaTime.Today(p.SettledAtUtc!.Value), p.Reference))],
                [.. balance.Where(b => b.Type is "charge" or "payment").Select(b => new MatchItem($"txn:{b.TransactionId}", b.Amount, b.Date, b.PaymentIntent))]),
            new(Bank, AuditTier.Finance,
                [
                    .. slips.Select(s => new MatchItem($"slip:{s.SlipNumber}", s.Amount, s.Day, s.SlipNumber)),
                    .. settlements.GroupBy(l => (l.TerminalId, l.BatchNo)).Select(g => new MatchItem(
                        $"batch:{g.Key.TerminalId}/{g.Key.BatchNo}", g.Aggregate(Money.Zero, (sum, l) => sum + l.NetAmount), g.Max(l => l.SettlementDate), g.Key.BatchNo)),
                    .. payouts.Select(p => new MatchItem($"payout:{p.PayoutId}", p.Amount, p.ArrivalDate, p.PayoutId)),
                ],
                [.. bank.Select(l => new MatchItem($"bank:{l.LineId}", l.Amount, l.BookingDate, l.Reference))]),
        };

        var decisions = await db.MatchDecisions.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var books = scopes.ToDictionary(
            s => s.Name,
            s => new MatchBook(decisions.Where(d => d.Scope == s.Name).Select(d => d.ToDecision())),
            StringComparer.Ordinal);
        // A hand match with a difference is explained by an approved variance on "match:{key}".
        var explainedMatches = (await db.AuditVariances.AsNoTracking()
                .Where(v => v.Subject.StartsWith("match:") && (v.Status == VarianceStatus.Accepted || v.Status == VarianceStatus.Approved))
                .Select(v => v.Subject).ToListAsync(ct))
            .Select(s => s["match:".Length..]).ToHashSet(StringComparer.Ordinal);
        var lines = handovers.Select(h => new HandoverLine(Subject(h.Key), h.Day, h.ExpectedCash, h.CountedCash, explained.Contains(Subject(h.Key)), h.MissingSlips, h.IsComplete,
            h.IsDisputed ? h.CourierDisputeNote : null)).ToList();
        return new AuditBooks(scopes, books, lines, explainedMatches);
    }

    /// <summary>
    /// Loads the window around <paramref name="day"/>, runs the rules and records what they decided; each scope's
    /// run is counted (kind = scope, outcome = whether it matched anything new).
    /// </summary>
    public static async Task<int> MatchAroundAsync(PortalDbContext db, PortalMetrics metrics, DateOnly day, DateTime nowUtc, CancellationToken ct)
    {
        var books = await LoadAsync(db, day.AddDays(-WindowDays), day.AddDays(WindowDays), ct);
        var added = 0;
        foreach (var scope in books.Scopes)
        {
            var decided = books.Books[scope.Name].Run(scope.Expected, scope.Actual, Options, nowUtc);
            foreach (var decision in decided)
            {
                db.MatchDecisions.Add(MatchDecisionRecord.Of(scope.Name, decision));
            }

            added += decided.Count;
            metrics.ReconciliationRun(scope.Name, decided.Count > 0 ? "matched" : "unchanged");
        }

        return added;
    }

    public static string Subject(Guid handoverKey) => $"handover:{handoverKey:N}";

    public static string MatchSubject(Guid matchKey) => $"match:{matchKey}";

    public ReconciliationScope Scope(string name) =>
        Scopes.FirstOrDefault(s => s.Name == name) ?? throw new NotFoundException($"Reconciliation {name}");

    /// <summary>Tier summaries of the items dated <paramref name="day"/>, judged by the window's matches.</summary>
    public IReadOnlyList<TierSummary> Summaries(DateOnly day)
    {
        var onDay = Scopes.Select(s => (new ReconciliationScope(s.Name, s.Tier, [.. s.Expected.Where(i => i.Date == day)], [.. s.Actual.Where(i => i.Date == day)]), Books[s.Name])).ToList();
        return
        [
            AuditRules.SummariseHandovers(Handovers.Where(h => h.Day == day)),
            AuditRules.Summarise(AuditTier.Station, onDay),
            AuditRules.Summarise(AuditTier.Finance, onDay),
        ];
    }

    /// <summary>Everything open in the window up to <paramref name="upTo"/>, oldest first.</summary>
    public IReadOnlyList<WorkItem> Worklist(DateOnly upTo, DateOnly today) =>
        [
            .. AuditRules.HandoverWork(Handovers.Where(h => h.Day <= upTo), today),
            .. Scopes.SelectMany(s => Books[s.Name].Worklist(s.Tier, s.Expected, s.Actual, today, Options, _explainedMatches)).Where(w => w.Date <= upTo),
        ];
}
