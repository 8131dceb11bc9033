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
        IdempotencyKeyReusedException k => TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The idempotency key was used with other parameters.",
            detail: k.Message,
            extensions: new Dictionary<string, object?> { ["code"] = "idempotency.key_reused" }),
        IdempotencyRequestInProgressException p => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "A request with this idempotency key is still running.",
            detail: p.Message,
            extensions: new Dictionary<string, object?> { ["code"] = "idempotency.in_progress" }),
        ConcurrencyConflictException c => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Someone else changed this at the same time.",
            detail: c.Message,
            extensions: new Dictionary<string, object?> { ["code"] = ConcurrencyConflictException.ErrorCode }),
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Someone else changed this at the same time.",
            detail: "Reload and try again.",
            extensions: new Dictionary<string, object?> { ["code"] = "concurrency" }),
        DomainException d => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The request conflicts with the current state.",
            detail: d.Message,
            extensions: d.Field is null
                ? new Dictionary<string, object?> { ["code"] = d.Code }
                : new Dictionary<string, object?> { ["code"] = d.Code, ["field"] = d.Field }),
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

/// <summary>
/// Anything unexpected under /api is a bare 500 problem with a trace id (the details go to the log only);
/// pages keep the friendly /Error page. Registered inside the page handler so API paths never reach /Error.
/// </summary>
public static class ApiExceptionHandler
{
    public static void UseApiExceptionHandler(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiExceptionHandler))
                    .LogError(error, "Unhandled error on {Path}", context.Request.Path);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
                });
            },
        }));
}
