using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Common.Outbox;

/// <summary>
/// The message being delivered in this scope, if any. A command the handler sends marks the message delivered in
/// its own transaction, so the recorded outcome and "delivered" commit together: a crash leaves either both or neither.
/// </summary>
public sealed class OutboxDelivery(TimeProvider time)
{
    public long? MessageId { get; private set; }

    public Guid ClaimToken { get; private set; }

    public bool Completed { get; private set; }

    public void Begin(long messageId, Guid claimToken)
    {
        MessageId = messageId;
        ClaimToken = claimToken;
    }

    /// <summary>Marks the message delivered if this node still holds its claim; otherwise the transaction must not commit.</summary>
    public async Task CompleteAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (MessageId is not { } id || Completed)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = ClaimToken;
        var rows = await db.OutboxMessages
            .Where(m => m.Id == id && m.ClaimToken == token && m.DeliveredAtUtc == null && m.AbandonedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAtUtc, now).SetProperty(m => m.ClaimToken, (Guid?)null), cancellationToken);
        if (rows != 1)
        {
            throw new OutboxClaimLostException(id);
        }

        Completed = true;
    }
}

/// <summary>Another node took the message over after this node's claim expired; this node's result must roll back.</summary>
public sealed class OutboxClaimLostException(long messageId) : Exception($"Outbox message {messageId} is no longer claimed by this node.");
