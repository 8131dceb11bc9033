using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Payments.Sandbox;
using Stripe;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The Stripe sandbox on a real loopback port, with a webhook receiver beside it that verifies every delivery
/// with Stripe.net's <c>EventUtility.ConstructEvent</c>, so tests see exactly what the portal's endpoint would.
/// </summary>
public sealed class StripeSandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StripeSandboxHost(WebApplication app, string baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public string BaseAddress { get; }

    public string ApiBase => BaseAddress + StripeSandboxEndpoints.DefaultPrefix;

    public StripeSandbox Sandbox => _app.Services.GetRequiredService<StripeSandbox>();

    public ConcurrentQueue<Event> Received { get; } = new();

    public int Refused;

    /// <param name="clock">The sandbox's clock (its payouts are daily); the system clock unless a test moves time.</param>
    public static async Task<StripeSandboxHost> StartAsync(TimeProvider? clock = null)
    {
        var port = FreePort();
        var baseAddress = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseAddress);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddRouting();
        builder.Services.Configure<StripeOptions>(_ => { });
        builder.Services.Configure<StripeSandboxOptions>(o => o.WebhookUrl = baseAddress + "/received");
        builder.Services.AddStripeSandbox();
        var app = builder.Build();
        var host = new StripeSandboxHost(app, baseAddress);
        app.MapStripeSandbox();
        app.MapPost("/received", async (HttpContext http) =>
        {
            var json = await new StreamReader(http.Request.Body).ReadToEndAsync();
            try
            {
                host.Received.Enqueue(EventUtility.ConstructEvent(
                    json, http.Request.Headers[StripeSignature.Header], StripeOptions.DevelopmentWebhookSecret, 300, throwOnApiVersionMismatch: false));
                return Results.Ok();
            }
            catch (StripeException)
            {
                Interlocked.Increment(ref host.Refused);
                return Results.BadRequest();
            }
        });
        await app.StartAsync();
        return host;
    }

    public StripeGateway Gateway(int pageSize = 100) =>
        new(new HttpClient(), Options.Create(new StripeOptions { ApiBase = ApiBase, ListPageSize = pageSize }));

    /// <summary>A GET on the sandbox's API as any Stripe client sends it, returning the raw JSON.</summary>
    public async Task<System.Text.Json.JsonElement> GetAsync(string pathAndQuery)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiBase}/v1/{pathAndQuery}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StripeOptions.SandboxSecretKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Calls a sandbox test helper (what the sandbox pay page's buttons do).</summary>
    public async Task HelperAsync(string path, params (string Name, string Value)[] form)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiBase}/v1/test_helpers/{path}")
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StripeOptions.SandboxSecretKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Signs the sandbox's own events of a type about an intent and posts them to a portal's webhook, as Stripe would.</summary>
    public async Task DeliverEventsAsync(PortalHost portal, string type, string intentId)
    {
        foreach (var id in Sandbox.EventIds(type))
        {
            var payload = Sandbox.EventJson(id);
            if (!payload.Contains(intentId, StringComparison.Ordinal))
            {
                continue;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, Portal.Web.Api.StripeWebhookEndpoints.Route)
            {
                Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation(StripeSignature.Header, StripeSignature.Sign(payload, StripeOptions.DevelopmentWebhookSecret, portal.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
            using var answer = await portal.CreateClient().SendAsync(request);
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The portal answered {(int)answer.StatusCode} to {type} {id}");
            }
        }
    }

    /// <summary>Waits (bounded) until a delivered event matches; webhooks arrive after the API call returns, as at Stripe.</summary>
    public async Task<Event> WaitForEventAsync(Func<Event, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
