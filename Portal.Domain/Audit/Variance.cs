using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Audit;

public enum VarianceStatus
{
    /// <summary>Within the threshold: the reason is enough.</summary>
    Accepted,

    /// <summary>Above the threshold (or an adjustment): waits for a second person.</summary>
    AwaitingApproval,

    Approved,

    /// <summary>Sent back: the subject stays on the worklist until a new variance is raised and resolved.</summary>
    Rejected,
}

public sealed record VarianceRaised(Guid Key, AuditTier Tier, string Subject, Money Amount, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record VarianceDecided(Guid Key, AuditTier Tier, string Subject, VarianceStatus Status, string DecidedBy, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>
/// A difference someone has to explain: a short cash count, a bank fee nobody booked, a hand match that does not
/// add up. Every one needs a reason; above the threshold it needs a second person who is neither the one who
/// raised it nor the one who counted (four eyes). Adjustments at tiers 2 and 3 always need the second person.
/// </summary>
public sealed class Variance : Entity
{
    private Variance()
    {
        Subject = null!;
        Reason = null!;
        RaisedBy = null!;
    }

    public Guid Key { get; private set; }

    public AuditTier Tier { get; private set; }

    /// <summary>The business day (China date) the difference belongs to.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>What it is about: "handover:{key}", "match:{key}", "bank:{lineId}".</summary>
    public string Subject { get; private set; }

    /// <summary>Actual minus expected: negative is a shortage.</summary>
    public Money Amount { get; private set; }

    public string Reason { get; private set; }

    public string RaisedBy { get; private set; }

    /// <summary>Who counted the money, when someone did; they may not approve it either.</summary>
    public string? CountedBy { get; private set; }

    public DateTime RaisedAtUtc { get; private set; }

    public VarianceStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    public int Version { get; private set; }

    public bool IsResolved => Status is VarianceStatus.Accepted or VarianceStatus.Approved;

    public static Variance Raise(
        Guid key, AuditTier tier, DateOnly day, string subject, Money amount, string reason, string raisedBy, string? countedBy,
        Money approvalThreshold, DateTime nowUtc)
    {
        if (amount == Money.Zero)
        {
            throw new DomainException("audit.no_variance", "There is no difference to explain");
        }

        var absolute = amount < Money.Zero ? Money.Zero - amount : amount;
        var variance = new Variance
        {
            Key = key == Guid.Empty ? throw new DomainException("audit.key_required", "A variance needs its own id") : key,
            Tier = tier,
            Day = day,
            Subject = Require.Text(subject, "Subject", 100, "audit.subject_required"),
            Amount = amount,
            Reason = Require.Text(reason, "Reason", 500, "audit.reason_required"),
            RaisedBy = Require.Actor(raisedBy),
            CountedBy = Require.OptionalText(countedBy, "Counted by", 100, "actor.required"),
            RaisedAtUtc = nowUtc,
            Status = absolute > Require.NotNegative(approvalThreshold, "Threshold", "audit.invalid_threshold")
                ? VarianceStatus.AwaitingApproval
                : VarianceStatus.Accepted,
        };
        variance.Raise(new VarianceRaised(variance.Key, tier, variance.Subject, amount, nowUtc));
        return variance;
    }

    public void Approve(string approver, DateTime nowUtc, string? note = null) => Decide(VarianceStatus.Approved, approver, nowUtc, note);

    public void Reject(string approver, string note, DateTime nowUtc) =>
        Decide(VarianceStatus.Rejected, approver, nowUtc, Require.Text(note, "Reason for sending it back", 500, "audit.reason_required"));

    private void Decide(VarianceStatus status, string approver, DateTime nowUtc, string? note)
    {
        var who = Require.Actor(approver);
        if (Status != VarianceStatus.AwaitingApproval)
        {
            throw new DomainException("audit.not_awaiting_approval", $"This variance is {Status}, not awaiting approval");
        }

        if (string.Equals(who, RaisedBy, StringComparison.OrdinalIgnoreCase) || string.Equals(who, CountedBy, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("audit.four_eyes", "A variance is approved by someone other than the person who counted or raised it");
        }

        Status = status;
        DecidedBy = who;
        DecidedAtUtc = nowUtc;
        DecisionNote = Require.OptionalText(note, "Note", 500, "audit.reason_required");
        Version++;
        Raise(new VarianceDecided(Key, Tier, Subject, status, who, nowUtc));
    }
}
