using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Infrastructure.Sms;

/// <summary>
/// The sender used until a real provider is configured: it speaks the provider's JSON to the in-process
/// <see cref="SmsSandbox"/>, so the request, receipt and errors take the same path a real gateway's would.
/// </summary>
public sealed class SimulatedSmsSender(SmsSandbox sandbox) : ISmsSender
{
    // Failures come back in the task, as from a real network call, never thrown before it.
    public Task<SmsReceipt> SendAsync(string to, string text, string clientReference, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Send(to, text, clientReference, cancellationToken));
        }
        catch (Exception ex)
        {
            return Task.FromException<SmsReceipt>(ex);
        }
    }

    private SmsReceipt Send(string to, string text, string clientReference, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new JsonObject { ["to"] = to, ["body"] = text, ["client_ref"] = clientReference }.ToJsonString();
        var (status, body) = sandbox.Receive(request);
        var answer = JsonNode.Parse(body)!.AsObject();
        if (status != 200)
        {
            var error = answer["error"]!;
            var code = error["code"]!.GetValue<string>();
            var message = error["message"]!.GetValue<string>();
            throw status >= 500 ? new HttpRequestException(message) : new SmsRejectedException(code, message);
        }

        return new SmsReceipt(answer["message_id"]!.GetValue<string>(), answer["replayed"]?.GetValue<bool>() == true);
    }
}
