using System.Net;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Portal.Web.Common.Telemetry;

/// <summary>
/// Traces and metrics for ASP.NET Core, EF Core, outgoing HTTP (Stripe, BSS, SMS) and the portal's own work.
/// OTLP export only when <c>OpenTelemetry:Endpoint</c> is set; the Prometheus scrape endpoint <c>/metrics</c>
/// answers only the addresses in <c>OpenTelemetry:Prometheus:AllowedAddresses</c> (loopback unless configured).
/// </summary>
public static class TelemetrySetup
{
    public const string ScrapePath = "/metrics";

    /// <summary>Framework log categories that write the raw request path at Information and below.</summary>
    public static readonly IReadOnlyList<string> PathLoggingCategories =
        ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.StaticAssets", "Microsoft.AspNetCore.StaticFiles"];

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var endpoint = builder.Configuration["OpenTelemetry:Endpoint"];
        services.AddSingleton<PortalMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OpenTelemetry:ServiceName"] ?? "mobile-storefront-portal"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PortalMetrics.Name)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        // Health probes and scrapes would drown the traces that matter.
                        o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments(ScrapePath)
                            && !http.Request.Path.StartsWithSegments("/_framework") && !http.Request.Path.StartsWithSegments("/_content");
                        // A path can carry a number a person typed (a tracking code, an order number is fine, but a
                        // lookup by phone is not): spans keep the route template, never the raw path or query.
                        o.EnrichWithHttpRequest = (activity, request) =>
                        {
                            activity.SetTag("url.path", null);
                            activity.SetTag("url.query", null);
                        };
                    })
                    .AddHttpClientInstrumentation(o =>
                        o.EnrichWithHttpRequestMessage = (activity, _) =>
                        {
                            activity.SetTag("url.full", null);
                            activity.SetTag("url.query", null);
                        })
                    .AddEntityFrameworkCoreInstrumentation();
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PortalMetrics.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
                }
            });

        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line; scopes carry the trace and span id of the request the line belongs to.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        // These framework categories write the raw request path below Warning, and the CRM's contract puts a phone
        // number in one (GET /api/v1/customers/{phone}/outcomes): they stay quiet whatever the default level.
        foreach (var category in PathLoggingCategories)
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }

        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return builder;
    }

    /// <summary>
    /// Serves <c>/metrics</c> to the allowed addresses; anyone else is answered as for any unknown path. Called before
    /// routing, so the refusal happens ahead of authentication and the endpoint itself.
    /// </summary>
    public static void MapPortalMetrics(this WebApplication app)
    {
        var allowed = (app.Configuration.GetSection("OpenTelemetry:Prometheus:AllowedAddresses").Get<string[]>() ?? ["127.0.0.1", "::1"])
            .Select(IPAddress.Parse)
            .ToHashSet();
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments(ScrapePath) && !IsAllowed(http.Connection.RemoteIpAddress, allowed),
            refused => refused.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        app.MapPrometheusScrapingEndpoint(ScrapePath).AllowAnonymous();
    }

    private static bool IsAllowed(IPAddress? remote, HashSet<IPAddress> allowed) =>
        remote is not null && allowed.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
}
