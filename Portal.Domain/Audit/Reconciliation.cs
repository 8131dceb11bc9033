using Portal.Domain.Shared;

namespace Portal.Domain.Audit;

/// <summary>One matching problem of a tier: our records against one kind of evidence (deposits against slips, ...).</summary>
public sealed record ReconciliationScope(string Name, AuditTier Tier, IReadOnlyList<MatchItem> Expected, IReadOnlyList<MatchItem> Actual);

/// <summary>
/// A courier's handover as the tier-1 audit sees it: explained once a resolved variance covers its difference,
/// complete once the courier signed the count (<paramref name="Dispute"/> says why they would not, if they said so).
/// </summary>
public sealed record HandoverLine(
    string Key, DateOnly Day, Money Expected, Money Counted, bool Explained, IReadOnlyList<string> MissingSlips, bool CourierSigned = true, string? Dispute = null)
{
    public Money Difference => Counted - Expected;
}

/// <summary>Matched and unmatched are amounts: what was matched on the evidence side, what is still open on either side.</summary>
public sealed record TierSummary(AuditTier Tier, Money Expected, Money Actual, Money Matched, Money Unmatched, Money Variance);

public enum ReconciliationStatus
{
    /// <summary>Something is still on the worklist.</summary>
    Open,

    /// <summary>Everything matched or explained; ready to close.</summary>
    Balanced,

    Closed,
}

public static class Reconciliation
{
    public static TierSummary Summarise(AuditTier tier, IEnumerable<(ReconciliationScope Scope, MatchBook Book)> scopes)
    {
        Money expected = Money.Zero, actual = Money.Zero, matched = Money.Zero, unmatched = Money.Zero;
        foreach (var (scope, book) in scopes.Where(s => s.Scope.Tier == tier))
        {
            foreach (var item in scope.Expected)
            {
                expected += item.Amount;
                unmatched += book.IsExpectedMatched(item.Key) ? Money.Zero : Abs(item.Amount);
            }

            foreach (var item in scope.Actual)
            {
                actual += item.Amount;
                if (book.IsActualMatched(item.Key))
                {
                    matched += item.Amount;
                }
                else
                {
                    unmatched += Abs(item.Amount);
                }
            }
        }

        return new TierSummary(tier, expected, actual, matched, unmatched, actual - expected);
    }

    public static TierSummary SummariseHandovers(IEnumerable<HandoverLine> handovers)
    {
        Money expected = Money.Zero, counted = Money.Zero, matched = Money.Zero, unmatched = Money.Zero;
        foreach (var line in handovers)
        {
            expected += line.Expected;
            counted += line.Counted;
            if (line.Difference == Money.Zero || line.Explained)
            {
                matched += line.Counted;
            }
            else
            {
                unmatched += Abs(line.Difference);
            }
        }

        return new TierSummary(AuditTier.Courier, expected, counted, matched, unmatched, counted - expected);
    }

    /// <summary>
    /// Tier 1's worklist: handovers whose difference nobody has explained (or whose slips are missing), and
    /// handovers the courier has not signed yet — a handover is complete only with both signatures.
    /// </summary>
    public static IEnumerable<WorkItem> HandoverWork(IEnumerable<HandoverLine> handovers, DateOnly today)
    {
        foreach (var h in handovers)
        {
            var age = Math.Max(0, today.DayNumber - h.Day.DayNumber);
            if ((h.Difference != Money.Zero || h.MissingSlips.Count > 0) && !h.Explained)
            {
                yield return new WorkItem(AuditTier.Courier, WorkItemKind.Variance, h.Key, h.Difference, h.Day, age, h.MissingSlips, h.MissingSlips.Count > 0 ? "missing POS slips" : null);
            }
            else if (!h.CourierSigned)
            {
                yield return new WorkItem(
                    AuditTier.Courier, WorkItemKind.Variance, h.Key, h.Difference, h.Day, age, [],
                    h.Dispute is null ? "waiting for the courier's sign-off" : $"disputed by the courier: {h.Dispute}");
            }
        }
    }

    public static ReconciliationStatus Status(int openWorkItems, bool closed) =>
        closed ? ReconciliationStatus.Closed : openWorkItems == 0 ? ReconciliationStatus.Balanced : ReconciliationStatus.Open;

    private static Money Abs(Money amount) => amount < Money.Zero ? Money.Zero - amount : amount;
}
