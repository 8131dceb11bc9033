using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Shared;

namespace Portal.Domain.KeyMoments;

public enum RepTaskStatus
{
    Open,
    Claimed,
    Closed,
}

/// <summary>What came of the call, recorded once and shared with every channel.</summary>
public enum OfferOutcomeKind
{
    Interested,
    Declined,
    Ordered,
    DoNotContact,
}

/// <summary>
/// A key moment turned into a call for a rep: one task per rule and occasion, claimed by exactly one rep, closed
/// by what the customer said (declined, do not contact) or by the order placed.
/// </summary>
public sealed class RepTask : Entity
{
    private List<string> _offerCodes = [];

    private RepTask()
    {
        RuleCode = null!;
        MomentKey = null!;
        Phone = null!;
        CustomerName = null!;
        Evidence = null!;
    }

    public string RuleCode { get; private set; }

    public string MomentKey { get; private set; }

    public long CustomerId { get; private set; }

    public Msisdn Phone { get; private set; }

    public string CustomerName { get; private set; }

    /// <summary>Retention: the task and its outcome stay for the conversion figures; who was called does not.</summary>
    public void AnonymiseCustomer(Msisdn anonymous)
    {
        Phone = anonymous;
        CustomerName = Anonymous.Text;
    }

    public CustomerTier Tier { get; private set; }

    public int Priority { get; private set; }

    public string Evidence { get; private set; }

    public IReadOnlyList<string> OfferCodes => _offerCodes;

    public RepTaskStatus Status { get; private set; }

    public string? ClaimedBy { get; private set; }

    public DateTime? ClaimedAtUtc { get; private set; }

    public OfferOutcomeKind? Outcome { get; private set; }

    public string? OutcomeReason { get; private set; }

    public string? OrderNumber { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public int Version { get; private set; }

    public static RepTask Open(KeyMoment moment, IEnumerable<string> offerCodes, long customerId, string customerName, CustomerTier tier, DateTime nowUtc)
    {
        var task = new RepTask
        {
            RuleCode = moment.RuleCode,
            MomentKey = moment.MomentKey,
            CustomerId = customerId,
            Phone = moment.Phone,
            CustomerName = Require.Text(customerName, "Customer name", 50, "task.invalid"),
            Tier = tier,
            Priority = moment.Priority,
            Evidence = moment.Evidence,
            _offerCodes = offerCodes.ToList(),
            CreatedAtUtc = nowUtc,
        };
        task.Raise(new RepTaskRaised(task.RuleCode, task.MomentKey, task.Phone, nowUtc));
        return task;
    }

    /// <summary>Queue order: VIP first, then 4-star+, then the rest; within a tier by priority, then oldest first.</summary>
    public static int TierRank(CustomerTier tier) => tier switch
    {
        CustomerTier.Vip => 0,
        CustomerTier.FourStarPlus => 1,
        _ => 2,
    };

    public void Claim(string user, DateTime nowUtc)
    {
        var claimant = Require.Actor(user);
        if (Status == RepTaskStatus.Closed)
        {
            throw new DomainException("task.closed", "This task is already closed");
        }

        if (Status == RepTaskStatus.Claimed)
        {
            throw ClaimedBy == claimant
                ? new DomainException("task.already_claimed", "You have already taken this task")
                : new DomainException("task.already_claimed", $"Already taken by {ClaimedBy}");
        }

        Status = RepTaskStatus.Claimed;
        ClaimedBy = claimant;
        ClaimedAtUtc = nowUtc;
        Version++;
        Raise(new RepTaskClaimed(Id, claimant, nowUtc));
    }

    /// <summary>
    /// Records what the customer said. Interested keeps the task open with its rep; declined (with a reason),
    /// do-not-contact and ordered (with the order number) close it.
    /// </summary>
    public void RecordOutcome(string user, OfferOutcomeKind outcome, string? reason, string? orderNumber, DateTime nowUtc)
    {
        var by = RequireClaimant(user);
        var why = outcome == OfferOutcomeKind.Declined
            ? Require.Text(reason, "Reason", 500, "task.reason_required")
            : Require.OptionalText(reason, "Reason", 500, "task.invalid");
        var order = outcome == OfferOutcomeKind.Ordered ? Require.Text(orderNumber, "Order number", 32, "task.invalid") : null;

        Outcome = outcome;
        OutcomeReason = why;
        OrderNumber = order;
        if (outcome != OfferOutcomeKind.Interested)
        {
            Status = RepTaskStatus.Closed;
            ClosedAtUtc = nowUtc;
        }

        Version++;
        Raise(new RepTaskOutcomeRecorded(Id, Phone, CustomerId, _offerCodes.ToList(), outcome, why, by, nowUtc));
    }

    private string RequireClaimant(string user)
    {
        var by = Require.Actor(user);
        if (Status == RepTaskStatus.Closed)
        {
            throw new DomainException("task.closed", "This task is already closed");
        }

        if (Status != RepTaskStatus.Claimed || ClaimedBy != by)
        {
            throw new DomainException("task.not_claimant", "Take the task before recording what the customer said");
        }

        return by;
    }
}

public sealed record RepTaskRaised(string RuleCode, string MomentKey, Msisdn Phone, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record RepTaskClaimed(long TaskId, string ClaimedBy, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record RepTaskOutcomeRecorded(
    long TaskId, Msisdn Phone, long CustomerId, IReadOnlyList<string> OfferCodes, OfferOutcomeKind Outcome, string? Reason, string By, DateTime OccurredAtUtc) : IDomainEvent;
