using System.Security.Claims;
using Portal.Web.Common.Errors;

namespace Portal.Web.Api;

/// <summary>The /api/v1 group: API-key clients only, problem details for every failure.</summary>
public static class ApiEndpoints
{
    public const string Policy = "ApiClient";

    public static void MapApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .AddEndpointFilter<ProblemMappingFilter>();

        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new ApiClientInfo(user.Identity?.Name ?? "")))
            .WithName("WhoAmI")
            .WithSummary("The integration client the X-Api-Key header belongs to.");

        api.MapCatalogEndpoints();
        api.MapOrderEndpoints();
        api.MapLedgerEndpoints();
        api.MapDeliveryEndpoints();

        endpoints.MapTrackingEndpoints();

        // Anything else under /api is a 404 problem, never the sign-in page or the app's HTML.
        endpoints.Map("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such API route."))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    public sealed record ApiClientInfo(string Client);
}
