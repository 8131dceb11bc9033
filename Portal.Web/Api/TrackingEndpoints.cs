using Portal.Web.Common;
using Portal.Web.Common.Errors;
using Portal.Web.Common.Security;
using Portal.Web.Features.Tracking;

namespace Portal.Web.Api;

/// <summary>Public tracking for the operator's app: no key, no name, phone or address; rate-limited on failures.</summary>
public static class TrackingEndpoints
{
    public sealed record TrackingDto(string Code, string Status, WindowDto Window, IReadOnlyList<StepDto> Timeline);

    public sealed record WindowDto(DateOnly Date, string Slot);

    public sealed record StepDto(DateTime At, string Status);

    public static void MapTrackingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/public/tracking/{code}", async (string code, string? phoneLast4, HttpContext http, ScopedSender sender, LookupGuard guard, CancellationToken ct) =>
            {
                var tracking = await Lookup(http, guard, () => sender.Send(new TrackDelivery.Query(code, phoneLast4), http.User, ct));
                return tracking is null
                    ? Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed lookups.", detail: "Try again in a minute.")
                    : TypedResults.Ok(new TrackingDto(
                        tracking.Code,
                        tracking.Status.ToString(),
                        new WindowDto(tracking.Date, tracking.Slot),
                        [.. tracking.Timeline.Select(s => new StepDto(s.At, s.Status.ToString()))]));
            })
            .AllowAnonymous()
            .AddEndpointFilter<ProblemMappingFilter>()
            .WithName("TrackDelivery")
            .WithSummary("A delivery's status, window and timeline for the customer who knows its code and the phone's last 4 digits.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>Runs a lookup unless the caller's address is blocked (null); a "not found" counts as a failure.</summary>
    public static async Task<T?> Lookup<T>(HttpContext http, LookupGuard guard, Func<Task<T>> lookup) where T : class
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (guard.IsBlocked(address))
        {
            return null;
        }

        try
        {
            return await lookup();
        }
        catch (NotFoundException)
        {
            guard.RecordFailure(address);
            throw;
        }
    }
}
