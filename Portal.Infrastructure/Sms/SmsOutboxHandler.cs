using Portal.Infrastructure.Outbox;

namespace Portal.Infrastructure.Sms;

/// <summary>
/// Delivers <see cref="SmsMessage"/>s. The client reference is the outbox message's id, so a crash between the
/// provider's answer and the "delivered" commit repeats the call without the customer getting the text twice.
/// </summary>
public sealed class SmsOutboxHandler(ISmsSender sender) : IOutboxHandler<SmsMessage>
{
    public static string ReferenceFor(long outboxMessageId) => $"outbox-{outboxMessageId}";

    public Task HandleAsync(SmsMessage message, OutboxAttempt attempt, CancellationToken cancellationToken) =>
        sender.SendAsync(message.To, message.Text, ReferenceFor(attempt.MessageId), cancellationToken);
}
