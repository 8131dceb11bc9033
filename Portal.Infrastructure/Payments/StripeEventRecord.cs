namespace Portal.Infrastructure.Payments;

public enum StripeEventOutcome
{
    /// <summary>It changed a payment or refund (and posted to the ledger where money moved).</summary>
    Applied,

    /// <summary>Nothing left to do: it arrived late or repeats what another event already said.</summary>
    NoChange,

    /// <summary>Kept for the audit only (payouts, balance transactions, types the portal does not act on).</summary>
    Stored,

    /// <summary>Amount or currency differs from what we asked, or it names nothing we know: finance must look.</summary>
    Flagged,
}

/// <summary>
/// Every verified Stripe event, once: its id is the key, so a redelivery finds it and does nothing. The payload
/// is kept for the three-tier audit (payouts and fees are matched from it later).
/// </summary>
public sealed class StripeEventRecord
{
    private StripeEventRecord() { }

    public string EventId { get; private set; } = "";

    public string Type { get; private set; } = "";

    /// <summary>The id of the object it is about (pi_, ch_, re_, po_...).</summary>
    public string? ObjectId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    public StripeEventOutcome Outcome { get; private set; }

    public string? Note { get; private set; }

    public string Payload { get; private set; } = "";

    public static StripeEventRecord Receive(
        string eventId, string type, string? objectId, DateTime createdAtUtc, DateTime receivedAtUtc, StripeEventOutcome outcome, string? note, string payload) =>
        new()
        {
            EventId = eventId,
            Type = type,
            ObjectId = objectId,
            CreatedAtUtc = createdAtUtc,
            ReceivedAtUtc = receivedAtUtc,
            Outcome = outcome,
            Note = note is { Length: > 500 } ? note[..500] : note,
            Payload = payload,
        };
}
