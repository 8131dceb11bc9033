namespace Portal.Infrastructure.Sms;

/// <summary>
/// Sends one text message through the SMS provider. Never call it from a command: enqueue an <see cref="SmsMessage"/>
/// through the outbox instead, so a message is sent once the change that asks for it commits, and never lost.
/// </summary>
public interface ISmsSender
{
    /// <summary>
    /// <paramref name="clientReference"/> identifies the message to the provider: a second send with the same reference
    /// (a retry after a crash) is answered with the first receipt and not delivered again.
    /// </summary>
    Task<SmsReceipt> SendAsync(string to, string text, string clientReference, CancellationToken cancellationToken);
}

/// <summary>The provider's acceptance of a message; <see cref="Replayed"/> when the reference was already sent.</summary>
public sealed record SmsReceipt(string ProviderMessageId, bool Replayed);

/// <summary>The provider refused the message for good (bad number, empty or oversized text): retrying will not help.</summary>
public sealed class SmsRejectedException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}

/// <summary>
/// The outbox message that sends an SMS: <c>outbox.Enqueue(new SmsMessage(phone, text))</c> inside a command.
/// <paramref name="To"/> is a mainland mobile number (11 digits, optionally +86); the text is sent as written.
/// </summary>
public sealed record SmsMessage(string To, string Text)
{
    public const string Kind = "sms.send";

    /// <summary>Longest text accepted: the provider splits anything over 70 Chinese characters into up to 7 parts.</summary>
    public const int MaxLength = 490;
}
