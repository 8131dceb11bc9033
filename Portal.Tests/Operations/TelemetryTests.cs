using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>Traces and metrics as an operator's collector receives them, through an in-memory exporter.</summary>
public sealed class TelemetryTests
{
    private static readonly string Tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_api_order_is_one_trace_from_request_to_commit_and_counts_as_placed()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var host = await PortalHost.StartAsync(configure: b =>
        {
            b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            b.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        });
        using var api = host.CreateApiClient();
        // The caller's trace context, so this request's spans are told apart from those of portals other tests run.
        var traceId = ActivityTraceId.CreateRandom();
        api.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await api.PostAsJsonAsync("/api/v1/orders", new
        {
            flow = "PreOrderDelivery",
            customer = new { name = "遥测客户", phone = "13912345678", address = new { city = "广州市", district = "天河区", line = "体育西路1号" } },
            lines = new[] { new { sku = "HS-XM-14-256-BLK", quantity = 1 } },
            payment = "CashOnDelivery",
            deliveryWindow = new { date = Tomorrow, slot = "14:00-18:00" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Activity[] finished;
        lock (spans)
        {
            finished = spans.ToArray();
        }

        var trace = finished.Where(s => s.TraceId == traceId).ToList();
        var server = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal("/api/v1/orders", server.GetTagItem("http.route"));
        Assert.Contains(trace, s => s.DisplayName == "PlaceOrder.Command" && s.Source.Name == "Portal");
        var commit = Assert.Single(trace, s => s.DisplayName == "commit");
        Assert.Contains(trace, s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal) && s.StartTimeUtc <= commit.StartTimeUtc);
        Assert.DoesNotContain(trace, s => s.TagObjects.Any(t => t.Value?.ToString()?.Contains("13912345678", StringComparison.Ordinal) == true));

        Assert.Contains(Points(metrics, "portal.orders.placed"), p => Tag(p, "flow") == "PreOrderDelivery" && p.GetSumLong() >= 1);
    }

    [Fact]
    public async Task Outbox_backlog_is_measured_after_a_delivery_pass()
    {
        var metrics = new List<Metric>();
        await using var host = await PortalHost.StartAsync(configure: b =>
            b.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));
        using var api = host.CreateApiClient();
        var response = await api.PostAsJsonAsync("/api/v1/orders", new
        {
            flow = "Direct",
            customer = new { name = "遥测客户", phone = "13912345679" },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await host.DeliverOutboxAsync();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Contains(Points(metrics, "portal.outbox.depth"), p => p.GetGaugeLastValueLong() == 0);
        Assert.Contains(Points(metrics, "portal.orders.placed"), p => Tag(p, "flow") == "Direct");
    }

    [Fact]
    public async Task Metrics_are_scraped_only_from_an_allowed_address()
    {
        await using var host = await PortalHost.StartAsync(configure: b =>
            b.Configuration["OpenTelemetry:Prometheus:AllowedAddresses:0"] = "10.1.2.3");
        var server = host.App.GetTestServer();

        var allowed = await server.SendAsync(c => Scrape(c, "10.1.2.3"));
        var refused = await server.SendAsync(c => Scrape(c, "10.9.9.9"));

        Assert.Equal(StatusCodes.Status200OK, allowed.Response.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, refused.Response.StatusCode);
        using var reader = new StreamReader(allowed.Response.Body);
        Assert.Contains("# TYPE", await reader.ReadToEndAsync());
    }

    [Fact]
    public void Pii_guard_recognises_phone_id_and_card_numbers_but_not_masked_ones()
    {
        var id = "11010519491231002" + Portal.Domain.Shared.ResidentId.CheckCharacterFor("11010519491231002");
        Assert.Equal(3, PiiGuard.Find($"call 13800138000 id {id} card 4242424242424242").Count());
        Assert.Empty(PiiGuard.Find("phone 138****8000 id 1101**********0021 trace 4bf92f3577b34da6a3ce929d0e0e4736 order SO20261201000123 imei 356938035643809"));
    }

    private static void Scrape(HttpContext context, string address)
    {
        context.Request.Method = "GET";
        context.Request.Path = "/metrics";
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
    }

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        lock (metrics)
        {
            foreach (var metric in metrics.Where(m => m.Name == name))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    [Fact]
    public async Task Framework_categories_that_log_raw_request_paths_stay_quiet_below_warning()
    {
        // GET /api/v1/customers/{phone}/outcomes carries a phone in its path; these categories would write it.
        await using var host = await PortalHost.StartAsync();
        var rules = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Logging.LoggerFilterOptions>>().Value.Rules;

        foreach (var category in Portal.Web.Common.Telemetry.TelemetrySetup.PathLoggingCategories)
        {
            // A rule for every provider (none named), so the console, the JSON log and any exporter all obey it.
            Assert.Contains(rules, r => r.ProviderName is null && r.CategoryName == category && r.LogLevel == Microsoft.Extensions.Logging.LogLevel.Warning);
            Assert.False(host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger(category)
                .IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information), category);
        }
    }
}
