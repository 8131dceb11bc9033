using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.KeyMoments;

/// <summary>
/// What a customer said about an offer, recorded once for every channel: the rep queue, the order page's offer
/// list and other channels (through the API) all ask these before offering it again.
/// </summary>
public sealed class OfferOutcome : Entity
{
    private OfferOutcome()
    {
        Phone = null!;
        OfferCode = null!;
        RecordedBy = null!;
    }

    public Msisdn Phone { get; private set; }

    /// <summary>Retention: what came of the offer stays for the statistics, the number it was made to does not.</summary>
    public void AnonymiseNumber(Msisdn anonymous) => Phone = anonymous;

    public long CustomerId { get; private set; }

    public string OfferCode { get; private set; }

    public OfferOutcomeKind Kind { get; private set; }

    public string? Reason { get; private set; }

    public long? TaskId { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public static OfferOutcome Record(
        Msisdn phone, long customerId, string offerCode, OfferOutcomeKind kind, string? reason, long? taskId, string by, DateTime nowUtc) => new()
        {
            Phone = phone,
            CustomerId = customerId,
            OfferCode = Require.Text(offerCode, "Offer code", 32, "outcome.invalid").ToUpperInvariant(),
            Kind = kind,
            Reason = Require.OptionalText(reason, "Reason", 500, "outcome.invalid"),
            TaskId = taskId,
            RecordedBy = Require.Actor(by),
            RecordedAtUtc = nowUtc,
        };

    public bool Suppresses => Kind is OfferOutcomeKind.Declined or OfferOutcomeKind.DoNotContact;
}

/// <summary>The quiet period: after a decline or a do-not-contact, the same offer is not made again until it ends.</summary>
public sealed record QuietPeriod(TimeSpan Length)
{
    public static QuietPeriod Days(int days) => days is >= 1 and <= 365
        ? new QuietPeriod(TimeSpan.FromDays(days))
        : throw new DomainException("outcome.invalid_quiet_period", "The quiet period is 1 to 365 days");

    /// <summary>Until when the offer stays suppressed for the customer these outcomes belong to; null when it is not.</summary>
    public DateTime? SuppressedUntil(IEnumerable<(string OfferCode, OfferOutcomeKind Kind, DateTime RecordedAtUtc)> outcomes, string offerCode, DateTime nowUtc)
    {
        var last = outcomes
            .Where(o => string.Equals(o.OfferCode, offerCode, StringComparison.OrdinalIgnoreCase)
                && o.Kind is OfferOutcomeKind.Declined or OfferOutcomeKind.DoNotContact)
            .Select(o => (DateTime?)o.RecordedAtUtc)
            .Max();
        return last is { } at && at + Length > nowUtc ? at + Length : null;
    }

    /// <summary>The earliest moment an outcome must have been recorded at to still suppress its offer now.</summary>
    public DateTime Since(DateTime nowUtc) => nowUtc - Length;
}
