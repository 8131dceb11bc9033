using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Telemetry;
using Portal.Web.Features.Payments;
using Stripe;

namespace Portal.Web.Api;

/// <summary>
/// Stripe's webhook: authenticated by its signature only. A bad or stale signature (over 300 s) is refused with
/// 400 before anything is read or written; a verified event is applied once (see <see cref="ApplyStripeEvent"/>).
/// </summary>
public static class StripeWebhookEndpoints
{
    public const string Route = "/api/v1/webhooks/stripe";
    public const long ToleranceSeconds = 300;
    private const int MaxPayloadBytes = 512 * 1024;

    public sealed record WebhookAnswer(string EventId, string Outcome);

    public static void MapStripeWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, Receive)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("StripeWebhook")
            .WithSummary("Stripe events, verified by the Stripe-Signature header; each event id is applied once.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Receive(
        HttpContext http, ScopedSender sender, IOptions<StripeOptions> stripe, TimeProvider clock, IServiceScopeFactory scopes,
        PortalMetrics metrics, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await Apply(http, sender, stripe, clock, scopes, ct);
            outcome = result is IStatusCodeHttpResult { StatusCode: { } status } ? status.ToString(CultureInfo.InvariantCulture) : "ok";
            return result;
        }
        finally
        {
            metrics.WebhookProcessed("stripe", outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<IResult> Apply(
        HttpContext http, ScopedSender sender, IOptions<StripeOptions> stripe, TimeProvider clock, IServiceScopeFactory scopes, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxPayloadBytes)
        {
            return Refuse("The payload is too large.");
        }

        var signature = http.Request.Headers[StripeSignature.Header].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            return Refuse("The Stripe-Signature header is missing.");
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(ct);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                payload,
                signature,
                stripe.Value.WebhookSecret,
                ToleranceSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(),
                // Only stable fields are read (ids, amounts, currency, status, metadata), so an endpoint pinned to
                // another API version still works.
                throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is StripeException or JsonException or ArgumentException or FormatException)
        {
            return Refuse("The Stripe-Signature header is missing, wrong or older than 5 minutes.");
        }

        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        try
        {
            var result = await sender.Send(new ApplyStripeEvent.Command(stripeEvent, payload), anonymous, ct);
            return TypedResults.Ok(new WebhookAnswer(result.EventId, result.Outcome.ToString()));
        }
        catch (ApplyStripeEvent.TooEarlyException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Deliver again later", detail: ex.Message);
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same event won the race: this copy has nothing left to do. Anything else is a
            // conflict Stripe resolves by delivering again later.
            if (!await IsRecorded(scopes, stripeEvent.Id, ct))
            {
                throw;
            }

            return TypedResults.Ok(new WebhookAnswer(stripeEvent.Id, nameof(StripeEventOutcome.NoChange)));
        }
    }

    private static async Task<bool> IsRecorded(IServiceScopeFactory scopes, string eventId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.StripeEvents.AnyAsync(e => e.EventId == eventId, ct);
    }

    private static IResult Refuse(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Webhook refused", detail: detail);
}
