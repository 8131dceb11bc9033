using System.Diagnostics;
using MediatR;
using Portal.Web.Common.Security;

namespace Portal.Web.Common.Behaviours;

/// <summary>Outermost: logs every request with who sent it, the outcome and the elapsed time.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        var started = Stopwatch.GetTimestamp();
        // One span per request through the pipeline; it names the use case, never its arguments.
        using var activity = Telemetry.PortalMetrics.Activities.StartActivity(
            typeof(TRequest).DeclaringType is { } useCase ? $"{useCase.Name}.{name}" : name);
        try
        {
            var response = await next();
            logger.LogInformation("Request {Request} by {User} succeeded in {ElapsedMs:0.0} ms",
                name, user.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            logger.LogWarning("Request {Request} by {User} failed in {ElapsedMs:0.0} ms: {Error}",
                name, user.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }
}
