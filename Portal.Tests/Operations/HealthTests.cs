using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Outbox;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Health;

namespace Portal.Tests.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task A_migrated_portal_is_live_and_ready_and_health_answers_as_before()
    {
        await using var host = await PortalHost.StartAsync();
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks")
            .EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["database", "migrations", "outbox"], checks);
    }

    [Fact]
    public async Task A_node_whose_outbox_is_stuck_is_not_ready_but_still_live()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PortalHost.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        await host.WithDb(async db =>
        {
            db.OutboxMessages.Add(OutboxMessage.Create("orders.provision", "{}", clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(11));

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("outbox", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_check_another_part_registers_with_the_ready_tag_holds_readiness_back()
    {
        await using var host = await PortalHost.StartAsync(configure: b => b.Services.AddHealthChecks()
            .AddCheck("pdf-browser", () => HealthCheckResult.Unhealthy("not started"), tags: [HealthSetup.ReadyTag]));
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
