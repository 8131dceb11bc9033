using Portal.Domain.Shared;

namespace Portal.Domain.Audit;

/// <summary>The three levels at which money is proven: at the desk, at the station, at the bank.</summary>
public enum AuditTier
{
    Courier = 1,
    Station = 2,
    Finance = 3,
}

/// <summary>
/// One thing to match: a record in our books ("expected": a handover, a POS slip, a deposit, a payout) or a piece of
/// outside evidence ("actual": a deposit slip, a settlement line, a bank line). Keys are unique per side.
/// Group narrows combinations (a station, a courier); items of different groups are never combined.
/// </summary>
public sealed record MatchItem(string Key, Money Amount, DateOnly Date, string? Reference = null, string? Group = null);

public enum MatchRule
{
    /// <summary>Same reference, same amount.</summary>
    Reference,

    /// <summary>Same amount on dates within the tolerance.</summary>
    AmountAndDate,

    /// <summary>Several on one side add up to one (or several) on the other.</summary>
    Combination,

    /// <summary>A person matched them.</summary>
    Hand,
}

public enum MatchDecisionKind
{
    Match,
    Unmatch,
}

/// <summary>
/// One recorded decision: who (a person or "system"), by which rule, when. Decisions are only ever appended; an
/// unmatch names the match it undoes. Difference is actual minus expected (zero except for some hand matches).
/// </summary>
public sealed record MatchDecision(
    Guid Key,
    MatchDecisionKind Kind,
    MatchRule Rule,
    IReadOnlyList<string> Expected,
    IReadOnlyList<string> Actual,
    Money Difference,
    string DecidedBy,
    DateTime DecidedAtUtc,
    Guid? Undoes = null,
    string? Reason = null);

/// <param name="DateToleranceDays">How far apart (in days) an amount match may be.</param>
/// <param name="MaxSubsetSize">The most items combined into one match on the many side.</param>
/// <param name="MaxSubsetCandidates">How many nearby items the combination search looks at, closest dates first.</param>
/// <param name="MaxGroupSize">The most items a whole-group match may take (a split deposit of several handovers).</param>
public sealed record MatchingOptions(int DateToleranceDays = 3, int MaxSubsetSize = 5, int MaxSubsetCandidates = 16, int MaxGroupSize = 64)
{
    public static readonly MatchingOptions Default = new();
}

public enum WorkItemKind
{
    /// <summary>In our books, no evidence found.</summary>
    UnmatchedExpected,

    /// <summary>Evidence (a bank or settlement line) that nothing in our books explains.</summary>
    UnmatchedActual,

    /// <summary>Matched by hand with a difference not yet explained.</summary>
    Mismatch,

    /// <summary>A counted difference waiting for its reason or its approval.</summary>
    Variance,
}

public sealed record WorkItem(
    AuditTier Tier,
    WorkItemKind Kind,
    string Key,
    Money Amount,
    DateOnly Date,
    int AgeDays,
    IReadOnlyList<string> Suggestions,
    string? Note = null);
