using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Security;
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

        var intake = api.MapGroup("").RequireAuthorization(ScopePolicy(ApiScopes.Intake));
        intake.MapCatalogEndpoints();
        intake.MapOrderEndpoints();
        api.MapLedgerEndpoints();
        api.MapFinanceEndpoints();
        api.MapDeliveryEndpoints();
        api.MapHandoverEndpoints();
        api.MapGroup("").RequireAuthorization(ScopePolicy(ApiScopes.Crm)).MapCustomerEndpoints();

        endpoints.MapTrackingEndpoints();

        // Anything else under /api is a 404 problem, never the sign-in page or the app's HTML.
        endpoints.Map("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such API route."))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    public sealed record ApiClientInfo(string Client);

    public static string ScopePolicy(string scope) => $"scope:{scope}";

    /// <summary>One policy per scope: the key's client must hold that scope to call the group.</summary>
    public static AuthorizationBuilder AddApiScopePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(ScopePolicy(scope), p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiScopes.ClaimType, scope));
        }

        return authorization;
    }
}
