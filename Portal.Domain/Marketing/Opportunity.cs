using System.Text.RegularExpressions;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Marketing;

/// <summary>
/// An appointment registration (商机): the customer is interested but not ready. The back office claims
/// it, contacts the customer and either converts it into an order or closes it as lost.
/// </summary>
public sealed partial class Opportunity : Entity
{
    private readonly List<InterestedLine> _interestedLines = [];
    private readonly List<ContactAttempt> _contactAttempts = [];
    private readonly List<OpportunityTimelineEntry> _timeline = [];

    private Opportunity()
    {
        Number = null!;
        CustomerName = null!;
        Phone = null!;
        CreatedBy = null!;
    }

    public string Number { get; private set; }

    public long CustomerId { get; private set; }

    public string CustomerName { get; private set; }

    public Msisdn Phone { get; private set; }

    public IReadOnlyList<InterestedLine> InterestedLines => _interestedLines;

    public DateTime PreferredAtUtc { get; private set; }

    public ContactChannel PreferredChannel { get; private set; }

    public string? Note { get; private set; }

    public OpportunityStatus Status { get; private set; }

    public string? ClaimedBy { get; private set; }

    public IReadOnlyList<ContactAttempt> ContactAttempts => _contactAttempts;

    public string? ConvertedOrderNumber { get; private set; }

    public string? LostReason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>When the stale-opportunity sweep found it overdue (uncontacted past the promise); null if never.</summary>
    public DateTime? OverdueFlaggedAtUtc { get; private set; }

    public IReadOnlyList<OpportunityTimelineEntry> Timeline => _timeline;

    public static Opportunity Register(
        string number,
        long customerId,
        string customerName,
        Msisdn phone,
        IEnumerable<CartItem> interestedIn,
        DateTime preferredAtUtc,
        ContactChannel preferredChannel,
        string? note,
        string actor,
        DateTime nowUtc)
    {
        var normalisedNumber = (number ?? string.Empty).Trim();
        if (!NumberPattern().IsMatch(normalisedNumber))
        {
            throw new DomainException(
                "opportunity.invalid_number", $"'{number}' is not an opportunity number (OP + 12 letters/digits)");
        }

        if (preferredAtUtc < nowUtc)
        {
            throw new DomainException("opportunity.preferred_time_past", "The preferred contact time is in the past");
        }

        var opportunity = new Opportunity
        {
            Number = normalisedNumber,
            CustomerId = customerId,
            CustomerName = Require.Text(customerName, "Customer name", 50, "opportunity.invalid"),
            Phone = phone,
            PreferredAtUtc = preferredAtUtc,
            PreferredChannel = preferredChannel,
            Note = Require.OptionalText(note, "Note", 500, "opportunity.invalid"),
            CreatedAtUtc = nowUtc,
            CreatedBy = Require.Actor(actor),
        };
        opportunity._interestedLines.AddRange(interestedIn.Select(InterestedLine.From));
        opportunity._timeline.Add(new OpportunityTimelineEntry(nowUtc, opportunity.CreatedBy, null, OpportunityStatus.New, null));
        opportunity.Raise(new OpportunityRegistered(normalisedNumber, preferredChannel, nowUtc));
        return opportunity;
    }

    /// <summary>Replaces the customer's name and number; the history of who handled it stays.</summary>
    public void AnonymiseCustomer(Msisdn anonymous)
    {
        CustomerName = Anonymous.Text;
        Phone = anonymous;
    }

    public void Claim(string user, DateTime nowUtc)
    {
        var claimant = Require.Actor(user);
        if (Status == OpportunityStatus.Claimed)
        {
            // The claimant is named as an argument (their user id), so the message can show their current name.
            throw ClaimedBy == claimant
                ? new DomainException("opportunity.already_claimed", "You have already claimed this opportunity")
                : new DomainException("opportunity.already_claimed", $"Already claimed by {ClaimedBy}");
        }

        MoveTo(OpportunityStatus.Claimed, claimant, nowUtc, null);
        ClaimedBy = claimant;
        Raise(new OpportunityClaimed(Number, claimant, nowUtc));
    }

    public void LogContact(string user, ContactOutcome outcome, string? note, DateTime nowUtc, Guid? requestId = null)
    {
        var by = RequireClaimant(user, "log a contact");
        if (requestId is not null && HasLogged(requestId.Value))
        {
            throw new DomainException("opportunity.contact_already_logged", "This contact attempt was already logged");
        }

        _contactAttempts.Add(new ContactAttempt(nowUtc, by, outcome, Require.OptionalText(note, "Note", 500, "opportunity.invalid"), requestId));
    }

    public bool HasLogged(Guid requestId) => _contactAttempts.Any(a => a.RequestId == requestId);

    public void ConvertTo(string orderNumber, string user, DateTime nowUtc)
    {
        var by = RequireClaimant(user, "convert it");
        var order = Require.Text(orderNumber, "Order number", 32, "opportunity.invalid");
        MoveTo(OpportunityStatus.Converted, by, nowUtc, $"Order {order}");
        ConvertedOrderNumber = order;
        Raise(new OpportunityConverted(Number, order, nowUtc));
    }

    /// <summary>An unclaimed opportunity may be closed by anyone (e.g. a duplicate); a claimed one only by its claimant.</summary>
    public void CloseAsLost(string reason, string user, DateTime nowUtc)
    {
        var why = Require.Text(reason, "Reason", 500, "opportunity.reason_required");
        var by = Status == OpportunityStatus.Claimed ? RequireClaimant(user, "close it") : Require.Actor(user);
        MoveTo(OpportunityStatus.Lost, by, nowUtc, why);
        LostReason = why;
        Raise(new OpportunityLost(Number, why, nowUtc));
    }

    public bool IsOverdue(DateTime nowUtc, TimeSpan contactWithin) =>
        Status is OpportunityStatus.New or OpportunityStatus.Claimed
        && _contactAttempts.Count == 0
        && CreatedAtUtc + contactWithin < nowUtc;

    /// <summary>Records, once, that the contact promise was broken, so supervisors see when it went overdue.</summary>
    public void FlagOverdue(DateTime nowUtc, TimeSpan contactWithin)
    {
        if (OverdueFlaggedAtUtc is not null)
        {
            throw new DomainException("opportunity.already_flagged", $"Opportunity {Number} was already flagged overdue");
        }

        if (!IsOverdue(nowUtc, contactWithin))
        {
            throw new DomainException("opportunity.not_overdue", $"Opportunity {Number} is not overdue");
        }

        OverdueFlaggedAtUtc = nowUtc;
        Raise(new OpportunityWentOverdue(Number, ClaimedBy, nowUtc));
    }

    private string RequireClaimant(string user, string action)
    {
        var by = Require.Actor(user);
        if (Status is OpportunityStatus.Converted or OpportunityStatus.Lost)
        {
            throw new DomainException(
                "opportunity.invalid_transition", $"Opportunity {Number} is {Status}; nothing more can be done with it");
        }

        if (Status != OpportunityStatus.Claimed || ClaimedBy != by)
        {
            throw Status == OpportunityStatus.Claimed
                ? new DomainException("opportunity.not_claimed_by_you", $"Only {ClaimedBy}, who claimed this opportunity, can {action}")
                : new DomainException("opportunity.not_claimed_by_you", $"Claim this opportunity before you {action} (it is {Status})");
        }

        return by;
    }

    private void MoveTo(OpportunityStatus to, string actor, DateTime nowUtc, string? reason)
    {
        var allowed = (Status, to) switch
        {
            (OpportunityStatus.New, OpportunityStatus.Claimed or OpportunityStatus.Lost) => true,
            (OpportunityStatus.Claimed, OpportunityStatus.Converted or OpportunityStatus.Lost) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new DomainException(
                "opportunity.invalid_transition", $"Opportunity {Number} cannot go from {Status} to {to}");
        }

        _timeline.Add(new OpportunityTimelineEntry(nowUtc, actor, Status, to, reason));
        Status = to;
    }

    [GeneratedRegex("^OP[A-Z0-9]{12}$")]
    private static partial Regex NumberPattern();
}
