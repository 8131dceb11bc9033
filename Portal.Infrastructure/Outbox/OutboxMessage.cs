namespace Portal.Infrastructure.Outbox;

/// <summary>
/// Work to do outside the database (a BSS call, an SMS, a webhook, a Stripe call), written in the same transaction
/// as the state change that asks for it, so it is neither lost when the process dies nor done when the change rolls back.
/// A node delivers a message only while it holds its claim (token + expiry), so several nodes never deliver it twice.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public long Id { get; private set; }

    /// <summary>Names the handler, e.g. "orders.provision"; stable across renames of the .NET type.</summary>
    public string Kind { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Not delivered before this time: the first attempt is due at once, retries back off.</summary>
    public DateTime DueAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public Guid? ClaimToken { get; private set; }

    public DateTime? ClaimedUntilUtc { get; private set; }

    public DateTime? DeliveredAtUtc { get; private set; }

    /// <summary>Set when the message will not be tried again (retries exhausted or a permanent failure).</summary>
    public DateTime? AbandonedAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create(string kind, string payload, DateTime nowUtc) => new()
    {
        Kind = kind,
        Payload = payload,
        CreatedAtUtc = nowUtc,
        DueAtUtc = nowUtc,
    };
}
