using Microsoft.AspNetCore.Diagnostics;
using Portal.Domain.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Common.Errors;

/// <summary>Turns the pipeline's expected failures into problem details, so API clients never see a stack trace.</summary>
public static class ProblemMapping
{
    public static IResult? ToResult(Exception exception) => exception switch
    {
        RequestValidationException v => TypedResults.ValidationProblem(
            v.Errors.ToDictionary(e => CamelCasePath(e.Key), e => e.Value),
            title: "One or more fields are invalid."),
        UnauthenticatedRequestException => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized"),
        ForbiddenRequestException f => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: f.Message),
        NotFoundException n => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: n.Message),
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Someone else changed this at the same time.",
            detail: "Reload and try again.",
            extensions: new Dictionary<string, object?> { ["code"] = "concurrency" }),
        DomainException d => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The request conflicts with the current state.",
            detail: d.Message,
            extensions: new Dictionary<string, object?> { ["code"] = d.Code }),
        _ => null,
    };

    /// <summary>"Customer.Phone" → "customer.phone", "Lines[0].Sku" → "lines[0].sku": field names as JSON clients send them.</summary>
    public static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

/// <summary>Endpoint filter for the API group: expected failures become 4xx problem details.</summary>
public sealed class ProblemMappingFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ProblemMapping.ToResult(ex) is { } result)
        {
            return result;
        }
    }
}

/// <summary>Anything unexpected under /api is a bare 500 problem; pages fall through to the friendly /Error page.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        await TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred.")
            .ExecuteAsync(httpContext);
        return true;
    }
}
