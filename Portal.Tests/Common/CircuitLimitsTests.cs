using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Common;

/// <summary>The circuit limits an operator reads in appsettings.json are the ones the portal runs with.</summary>
public sealed class CircuitLimitsTests
{
    [Fact]
    public async Task Runs_circuits_with_the_limits_from_appsettings()
    {
        await using var host = await PortalHost.StartAsync();

        var circuits = host.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        // Blazor's hub type is internal; its options are the ones AddHubOptions configured.
        var hub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var options = host.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        var hubs = (HubOptions)options.GetType().GetProperty(nameof(IOptions<HubOptions>.Value))!.GetValue(options)!;

        Assert.Equal(TimeSpan.FromMinutes(3), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(100, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(10, circuits.MaxBufferedUnacknowledgedRenderBatches);
        Assert.Equal(TimeSpan.FromMinutes(1), circuits.JSInteropDefaultCallTimeout);
        Assert.Equal(64 * 1024, hubs.MaximumReceiveMessageSize);
        Assert.Equal(TimeSpan.FromSeconds(30), hubs.ClientTimeoutInterval);
    }
}
