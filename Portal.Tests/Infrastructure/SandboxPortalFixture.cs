using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>A portal whose Stripe.net gateway talks to the sandbox on a loopback port, on a clock the test moves.</summary>
public sealed class SandboxPortalFixture : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = null!;

    public StripeSandboxHost Stripe { get; private set; } = null!;

    /// <summary>The portal's clock; it only moves forward, and webhooks are signed by it.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        Stripe = await StripeSandboxHost.StartAsync();
        Host = await PortalHost.StartAsync(configure: builder =>
        {
            builder.Configuration["Stripe:ApiBase"] = Stripe.ApiBase;
            builder.Services.AddSingleton<TimeProvider>(Time);
            builder.Configuration["PaymentLinks:SweepEveryMinutes"] = "100000"; // tests run the link sweep themselves
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
