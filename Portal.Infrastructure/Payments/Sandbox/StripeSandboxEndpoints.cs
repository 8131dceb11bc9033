using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;

namespace Portal.Infrastructure.Payments.Sandbox;

/// <summary>
/// The sandbox's HTTP face: Stripe's paths, form-encoded requests, bearer keys, Idempotency-Key and error bodies,
/// so Stripe.net runs unchanged against it. Test helpers (pay, decline, pay out) live under /v1/test_helpers as
/// Stripe's own do; only the sandbox's pay page and tests call them.
/// </summary>
public static class StripeSandboxEndpoints
{
    public const string DefaultPrefix = "/stripe-sandbox";

    public static IEndpointRouteBuilder MapStripeSandbox(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        var api = endpoints.MapGroup(prefix + "/v1").ExcludeFromDescription().AllowAnonymous();
        api.MapPost("/payment_intents", (HttpContext http, StripeSandbox sandbox) => Run(http, sandbox, f => sandbox.CreateIntent(f)));
        api.MapGet("/payment_intents/{id}", (HttpContext http, StripeSandbox sandbox, string id) => Run(http, sandbox, _ => sandbox.GetIntent(id)));
        api.MapPost("/payment_intents/{id}/cancel", (HttpContext http, StripeSandbox sandbox, string id) => Run(http, sandbox, f => sandbox.CancelIntent(id, f)));
        api.MapPost("/refunds", (HttpContext http, StripeSandbox sandbox) => Run(http, sandbox, f => sandbox.CreateRefund(f)));
        api.MapPost("/terminal/readers/{id}/process_payment_intent", (HttpContext http, StripeSandbox sandbox, string id) =>
            Run(http, sandbox, f => sandbox.ProcessOnReader(id, f)));
        api.MapGet("/payouts", (HttpContext http, StripeSandbox sandbox) => Run(http, sandbox, f => sandbox.ListPayouts(f)));
        api.MapGet("/balance_transactions", (HttpContext http, StripeSandbox sandbox) => Run(http, sandbox, f => sandbox.ListBalanceTransactions(f)));

        api.MapPost("/test_helpers/payment_intents/{id}/succeed", (HttpContext http, StripeSandbox sandbox, string id) =>
            Run(http, sandbox, f => sandbox.SucceedIntent(id, f.GetValueOrDefault("payment_method_type", "card"))));
        api.MapPost("/test_helpers/payment_intents/{id}/fail", (HttpContext http, StripeSandbox sandbox, string id) =>
            Run(http, sandbox, f => sandbox.FailIntent(id, f.GetValueOrDefault("decline_code", "generic_decline"))));
        api.MapPost("/test_helpers/payouts", (HttpContext http, StripeSandbox sandbox) => Run(http, sandbox, _ => sandbox.PayOut()));
        return endpoints;
    }

    private static async Task<IResult> Run(HttpContext http, StripeSandbox sandbox, Func<IReadOnlyDictionary<string, string>, JsonObject> operation)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer sk_test_", StringComparison.Ordinal))
        {
            return Answer(http, 401, new SandboxError(401, "invalid_request_error", "api_key_invalid", "Invalid API Key provided.").Body.ToJsonString(), false);
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in http.Request.Query)
        {
            parameters[name] = value.ToString();
        }

        if (http.Request.HasFormContentType)
        {
            foreach (var (name, value) in await http.Request.ReadFormAsync(http.RequestAborted))
            {
                parameters[name] = value.ToString();
            }
        }

        var idempotencyKey = http.Request.Method == HttpMethods.Post && http.Request.Headers.TryGetValue("Idempotency-Key", out var header) ? header.ToString() : null;
        var fingerprint = new StringBuilder(http.Request.Method).Append(' ').Append(http.Request.Path);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            fingerprint.Append('&').Append(name).Append('=').Append(value);
        }

        var (status, body, replayed) = sandbox.Execute(idempotencyKey, fingerprint.ToString(), () => operation(parameters));
        return Answer(http, status, body, replayed);
    }

    private static IResult Answer(HttpContext http, int status, string body, bool replayed)
    {
        http.Response.Headers["Request-Id"] = "req_" + Guid.NewGuid().ToString("N")[..14];
        if (replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Results.Content(body, "application/json", Encoding.UTF8, status);
    }

    public static IServiceCollection AddStripeSandbox(this IServiceCollection services)
    {
        services.AddSingleton<StripeSandbox>();
        services.AddHostedService<StripeSandboxWebhookSender>();
        return services;
    }
}
