using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Privacy;

/// <summary>What someone did with a customer's personal data beyond the masked view everyone gets.</summary>
public enum PersonalDataAction
{
    /// <summary>Looked at the full mobile number.</summary>
    ShowPhone,

    /// <summary>Looked at the full resident ID number.</summary>
    ShowIdNumber,

    /// <summary>Exported everything held about the customer (a data-subject request).</summary>
    Export,

    /// <summary>Erased the customer's personal data on request.</summary>
    Erase,

    /// <summary>The retention job anonymised the customer after the retention period.</summary>
    Anonymise,
}

/// <summary>
/// One access to a customer's personal data: who, when, which customer, what and why (PIPL asks who looked at a full
/// ID or phone number). Written once, never changed; it names the customer by id only, so it survives anonymisation.
/// </summary>
public sealed class PersonalDataAccess : Entity
{
    public const int MinimumReasonLength = 5;

    private PersonalDataAccess()
    {
        Actor = null!;
        Reason = null!;
    }

    public DateTime AtUtc { get; private set; }

    public string Actor { get; private set; }

    public long CustomerId { get; private set; }

    public PersonalDataAction Action { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The record the access was made from (an order or opportunity number), when there was one.</summary>
    public string? Context { get; private set; }

    public static PersonalDataAccess Record(string actor, long customerId, PersonalDataAction action, string reason, string? context, DateTime nowUtc)
    {
        var why = Require.Text(reason, "Reason", 200, "privacy.reason_required");
        if (why.Length < MinimumReasonLength)
        {
            throw new DomainException("privacy.reason_too_short", $"Say why in at least {MinimumReasonLength} characters");
        }

        return customerId <= 0
            ? throw new DomainException("privacy.customer_required", "Name the customer whose data is accessed")
            : new PersonalDataAccess
            {
                Actor = Require.Actor(actor),
                CustomerId = customerId,
                Action = action,
                Reason = why,
                Context = context is { Length: > 0 } c ? c.Trim() : null,
                AtUtc = nowUtc,
            };
    }
}
