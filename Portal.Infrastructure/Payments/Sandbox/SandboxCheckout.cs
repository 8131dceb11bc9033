using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Payments.Sandbox;

/// <summary>
/// What Stripe's Payment Element does in the customer's browser, done against the sandbox: the customer pays or is
/// declined through the sandbox's test helpers, over HTTP, so the sandbox then sends its signed webhook exactly as
/// Stripe would. Registered only when the sandbox is the gateway; the pay page's banner says so.
/// </summary>
public sealed class SandboxCheckout(HttpClient http, IOptions<StripeOptions> options, IServer? server = null)
{
    public Task PayAsync(string intentId, string paymentMethodType, CancellationToken cancellationToken) =>
        PostAsync($"payment_intents/{Uri.EscapeDataString(intentId)}/succeed", ("payment_method_type", paymentMethodType), cancellationToken);

    public Task DeclineAsync(string intentId, CancellationToken cancellationToken) =>
        PostAsync($"payment_intents/{Uri.EscapeDataString(intentId)}/fail", ("decline_code", "generic_decline"), cancellationToken);

    private async Task PostAsync(string path, (string Name, string Value) field, CancellationToken cancellationToken)
    {
        var apiBase = StripeGateway.ResolveApiBase(options.Value, server)
            ?? throw new InvalidOperationException("The sandbox checkout runs only against the sandbox");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{apiBase}/v1/test_helpers/{path}")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>(field.Name, field.Value)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.EffectiveSecretKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The sandbox refused {path}: {(int)response.StatusCode} {body}", null, response.StatusCode);
        }
    }
}
