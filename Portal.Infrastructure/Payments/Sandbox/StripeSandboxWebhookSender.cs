using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Payments.Sandbox;

/// <summary>
/// Delivers the sandbox's events to the webhook endpoint, signed with the configured secret, and retries a
/// failed delivery a few times with growing pauses, as Stripe does (over days; here over seconds).
/// </summary>
public sealed class StripeSandboxWebhookSender(
    StripeSandbox sandbox,
    IOptions<StripeOptions> stripe,
    IOptions<StripeSandboxOptions> options,
    IServer server,
    TimeProvider clock,
    ILogger<StripeSandboxWebhookSender> logger) : BackgroundService
{
    public const string WebhookPath = "/api/v1/webhooks/stripe";
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var eventId in sandbox.PendingEvents.ReadAllAsync(stoppingToken))
        {
            await DeliverAsync(eventId, stoppingToken);
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private async Task DeliverAsync(string eventId, CancellationToken stoppingToken)
    {
        var payload = sandbox.EventJson(eventId);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Target())
                {
                    Content = new StringContent(payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add(StripeSignature.Header, StripeSignature.Sign(payload, stripe.Value.WebhookSecret, clock.GetUtcNow()));
                using var response = await _http.SendAsync(request, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                logger.LogWarning("Sandbox webhook {EventId} answered {Status}", eventId, (int)response.StatusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Sandbox webhook {EventId} could not be delivered", eventId);
            }

            if (attempt >= Pauses.Length)
            {
                logger.LogError("Sandbox webhook {EventId} given up after {Attempts} attempts", eventId, attempt + 1);
                return;
            }

            await Task.Delay(Pauses[attempt], clock, stoppingToken);
        }
    }

    private Uri Target()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
        {
            return new Uri(options.Value.WebhookUrl);
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set Stripe:Sandbox:WebhookUrl: the server has no address to send webhooks to");
        return new Uri(StripeGateway.LocalAddress(address) + WebhookPath);
    }
}
