using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Outbox;
using Portal.Web.Common.Telemetry;

namespace Portal.Web.Common.Health;

/// <summary>
/// Liveness and readiness on the standard health-check service. <c>/health/live</c> runs no check (the process
/// answers); <c>/health/ready</c> runs every check tagged <see cref="ReadyTag"/>, so another part of the portal adds
/// its own condition with <c>AddCheck&lt;T&gt;("name", tags: [HealthSetup.ReadyTag])</c>. <c>/health</c> keeps its
/// original meaning: the database answers.
/// </summary>
public static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPortalHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReadinessOptions>(configuration.GetSection(ReadinessOptions.Section));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [ReadyTag]);
        return services;
    }

    public static void MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new() { Predicate = c => c.Name == "database" }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReport,
        }).AllowAnonymous();
    }

    /// <summary>Names each check and its status, so an operator sees which condition holds a node back.</summary>
    private static Task WriteReport(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}

public sealed class ReadinessOptions
{
    public const string Section = "Health";

    /// <summary>An outbox message due longer than this and still undelivered means delivery is stuck.</summary>
    public TimeSpan OutboxStuckAfter { get; set; } = TimeSpan.FromMinutes(10);
}

internal sealed class MigrationsHealthCheck(IDbContextFactory<PortalDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied yet.");
    }
}

internal sealed class OutboxHealthCheck(
    IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, IOptions<ReadinessOptions> options, PortalMetrics metrics) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var backlog = await OutboxBacklog.MeasureAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        metrics.OutboxBacklog(backlog.Depth, backlog.OldestAge);
        return backlog.LongestOverdue > options.Value.OutboxStuckAfter
            ? HealthCheckResult.Unhealthy($"An outbox message has been due for {backlog.LongestOverdue.TotalMinutes:0} minutes.")
            : HealthCheckResult.Healthy($"{backlog.Depth} message(s) waiting.");
    }
}
