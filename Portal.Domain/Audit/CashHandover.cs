using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Audit;

public sealed record CashHandoverCounted(Guid Key, string Courier, string Station, DateOnly Day, Money Expected, Money Counted, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record CashHandoverSigned(Guid Key, string Courier, DateOnly Day, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record CashHandoverDisputed(Guid Key, string Courier, DateOnly Day, string Note, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>
/// Tier 1: one courier's day handed to a station cashier. The expected cash and POS slips come from the system
/// (their completed deliveries); the count and the ticked slips are what is actually on the desk. The courier
/// and the cashier both sign — the cashier by recording the count, the courier on their phone — and the handover is
/// complete only then; a difference needs a <see cref="Variance"/> before the day can close.
/// </summary>
public sealed class CashHandover : Entity
{
    private CashHandover()
    {
        Courier = null!;
        Station = null!;
        Count = null!;
        PosSlipsExpected = null!;
        PosSlipsTicked = null!;
        CountedBy = null!;
    }

    public Guid Key { get; private set; }

    public DateOnly Day { get; private set; }

    public string Courier { get; private set; }

    public string Station { get; private set; }

    public Money ExpectedCash { get; private set; }

    public string Count { get; private set; }

    public Money CountedCash { get; private set; }

    public Money ExpectedPos { get; private set; }

    /// <summary>Slip references the system expects, comma separated.</summary>
    public string PosSlipsExpected { get; private set; }

    /// <summary>The slips the cashier ticked as physically handed over.</summary>
    public string PosSlipsTicked { get; private set; }

    public string CountedBy { get; private set; }

    public DateTime CountedAtUtc { get; private set; }

    public string? CourierSignedBy { get; private set; }

    public DateTime? CourierSignedAtUtc { get; private set; }

    /// <summary>Why the courier does not accept the count, until they sign after all.</summary>
    public string? CourierDisputeNote { get; private set; }

    public DateTime? CourierDisputedAtUtc { get; private set; }

    public int Version { get; private set; }

    /// <summary>Counted minus expected: negative is a shortage.</summary>
    public Money CashVariance => CountedCash - ExpectedCash;

    public IReadOnlyList<string> MissingSlips =>
        [.. Split(PosSlipsExpected).Except(Split(PosSlipsTicked), StringComparer.OrdinalIgnoreCase)];

    public bool IsSigned => CourierSignedBy is not null;

    /// <summary>Both signatures are on it: the cashier's count and the courier's sign-off.</summary>
    public bool IsComplete => IsSigned;

    public bool IsDisputed => CourierDisputeNote is not null && !IsSigned;

    public static CashHandover Record(
        Guid key, DateOnly day, string courier, string station, Money expectedCash, CashCount count,
        IReadOnlyCollection<string> expectedSlips, IReadOnlyCollection<string> tickedSlips, Money expectedPos, string cashier, DateTime nowUtc)
    {
        var unknown = tickedSlips.Except(expectedSlips, StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException("audit.unknown_slip", $"Slip {unknown[0]} is not one of this courier's POS payments that day");
        }

        var handover = new CashHandover
        {
            Key = key == Guid.Empty ? throw new DomainException("audit.key_required", "A handover needs its own id") : key,
            Day = day,
            Courier = Require.Text(courier, "Courier", 100, "audit.courier_required"),
            Station = Require.Text(station, "Station", 100, "audit.station_required"),
            ExpectedCash = Require.NotNegative(expectedCash, "Expected cash", "audit.invalid_amount"),
            Count = count.ToString(),
            CountedCash = count.Total,
            ExpectedPos = Require.NotNegative(expectedPos, "Expected POS", "audit.invalid_amount"),
            PosSlipsExpected = string.Join(',', expectedSlips.Order(StringComparer.Ordinal)),
            PosSlipsTicked = string.Join(',', tickedSlips.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)),
            CountedBy = Require.Actor(cashier),
            CountedAtUtc = nowUtc,
        };
        handover.Raise(new CashHandoverCounted(handover.Key, handover.Courier, handover.Station, day, expectedCash, handover.CountedCash, nowUtc));
        return handover;
    }

    /// <summary>The courier confirms the count on their phone; only the courier whose cash it is can.</summary>
    public void SignByCourier(string courierUser, DateTime nowUtc)
    {
        EnsureOwnHandover(courierUser);
        if (IsSigned)
        {
            return;
        }

        CourierSignedBy = courierUser;
        CourierSignedAtUtc = nowUtc;
        Version++;
        Raise(new CashHandoverSigned(Key, Courier, Day, nowUtc));
    }

    /// <summary>
    /// The courier does not accept the count and says why; the handover stays open on the worklist until the
    /// courier signs after all (the count itself is not changed here: a correction is a new count).
    /// </summary>
    public void DisputeByCourier(string courierUser, string note, DateTime nowUtc)
    {
        EnsureOwnHandover(courierUser);
        if (IsSigned)
        {
            throw new DomainException("audit.already_signed", "The courier already signed this handover");
        }

        CourierDisputeNote = Require.Text(note, "Note", 500, "audit.dispute_note_required");
        CourierDisputedAtUtc = nowUtc;
        Version++;
        Raise(new CashHandoverDisputed(Key, Courier, Day, CourierDisputeNote, nowUtc));
    }

    private void EnsureOwnHandover(string courierUser)
    {
        if (!string.Equals(courierUser, Courier, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("audit.not_your_handover", "Only the courier who handed the cash over signs for it");
        }
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
