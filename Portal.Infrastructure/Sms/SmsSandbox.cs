using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Infrastructure.Sms;

/// <summary>
/// The built-in SMS provider for development and tests: it takes the provider's JSON request
/// (<c>{"to","body","client_ref"}</c>), validates it as a gateway would, answers with its JSON receipt
/// (<c>{"message_id","status":"queued"}</c>) or error (<c>{"error":{"code","message"}}</c>), and records every
/// message it accepted so tests and developers can read what a customer would have received.
/// </summary>
public sealed partial class SmsSandbox(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SentSms> _byReference = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Every message accepted, oldest first.</summary>
    public IReadOnlyList<SentSms> Messages => _byReference.Values.OrderBy(m => m.Sequence).ToList();

    /// <summary>Messages to one number (any spelling: 138..., +86138...), oldest first.</summary>
    public IReadOnlyList<SentSms> To(string phone) => Messages.Where(m => m.To == Normalize(phone)).ToList();

    /// <summary>One provider call: a JSON request in, the status code and JSON body out.</summary>
    public (int Status, string Body) Receive(string requestJson)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(requestJson) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        var to = Normalize(request?["to"]?.GetValue<string>());
        var body = request?["body"]?.GetValue<string>() ?? "";
        var reference = request?["client_ref"]?.GetValue<string>() ?? "";
        if (request is null || string.IsNullOrWhiteSpace(reference))
        {
            return Error(400, "invalid_request", "to, body and client_ref are required");
        }

        if (!MainlandMobile().IsMatch(to))
        {
            return Error(422, "invalid_number", $"'{to}' is not a mainland mobile number");
        }

        if (body.Length is 0 or > SmsMessage.MaxLength)
        {
            return Error(422, "invalid_body", $"body must be 1 to {SmsMessage.MaxLength} characters");
        }

        var added = false;
        var sent = _byReference.GetOrAdd(reference, _ =>
        {
            added = true;
            var sequence = Interlocked.Increment(ref _sequence);
            return new SentSms(sequence, "SM" + Guid.NewGuid().ToString("N")[..24], to, body, reference, time.GetUtcNow().UtcDateTime);
        });
        var receipt = new JsonObject
        {
            ["message_id"] = sent.ProviderMessageId,
            ["status"] = "queued",
            ["segments"] = Segments(sent.Text),
            ["replayed"] = !added,
        };
        return (200, receipt.ToJsonString());
    }

    /// <summary>Numbers are stored as 11 digits, whatever prefix or spacing the caller used.</summary>
    public static string Normalize(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    /// <summary>70 characters fit one part when any character is outside GSM-7 (always so for Chinese), 160 otherwise.</summary>
    private static int Segments(string text)
    {
        var perPart = text.All(c => c < 128) ? 160 : 70;
        return (text.Length + perPart - 1) / perPart;
    }

    private static (int, string) Error(int status, string code, string message) =>
        (status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MainlandMobile();
}

/// <summary>A message the sandbox accepted.</summary>
public sealed record SentSms(long Sequence, string ProviderMessageId, string To, string Text, string ClientReference, DateTime AcceptedAtUtc);
