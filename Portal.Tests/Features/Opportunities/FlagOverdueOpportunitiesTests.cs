using Portal.Domain.Marketing;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Opportunities;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;

namespace Portal.Tests.Features.Opportunities;

public sealed class FlagOverdueOpportunitiesTests(FlagOverdueOpportunitiesTests.Fixture fixture)
    : IClassFixture<FlagOverdueOpportunitiesTests.Fixture>
{
    private static readonly System.Security.Claims.ClaimsPrincipal Sweep = SystemPrincipal.For("test-sweep");

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Flags_each_open_uncontacted_opportunity_past_the_promise_once()
    {
        var stale = await Register(Host, age: TimeSpan.FromHours(5));
        var fresh = await Register(Host, age: TimeSpan.FromHours(1));
        var contacted = await Register(Host, age: TimeSpan.FromHours(5));
        await Change(Host, contacted, o =>
        {
            o.Claim("backoffice@portal.local", DateTime.UtcNow);
            o.LogContact("backoffice@portal.local", ContactOutcome.NoAnswer, null, DateTime.UtcNow);
        });

        var flagged = await Host.Send(new FlagOverdueOpportunities.Command(), Sweep);

        Assert.Contains(stale, flagged);
        Assert.DoesNotContain(fresh, flagged);
        Assert.DoesNotContain(contacted, flagged);
        Assert.NotNull((await Load(Host, stale)).OverdueFlaggedAtUtc);
        Assert.Null((await Load(Host, fresh)).OverdueFlaggedAtUtc);

        Assert.DoesNotContain(stale, await Host.Send(new FlagOverdueOpportunities.Command(), Sweep));
    }

    [Fact]
    public async Task Staff_cannot_run_the_sweep()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new FlagOverdueOpportunities.Command(), admin));
    }

    /// <summary>The portal's own sweep is slowed to once a day so it cannot flag this test's opportunities first.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public PortalHost Host { get; private set; } = default!;

        public async Task InitializeAsync() =>
            Host = await PortalHost.StartAsync(configure: b => b.Configuration["Opportunities:SweepEveryMinutes"] = "1440");

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
