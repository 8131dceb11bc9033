using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure;

/// <summary>Background jobs run once across nodes: the lease row decides which node runs a job.</summary>
[Trait("Engine", "Named")]
public sealed class JobLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Of_nodes_asking_at_the_same_moment_exactly_one_gets_each_lease(DatabaseProvider engine)
    {
        await using var database = await MigratedDatabase(engine);
        using var services = Services(database);
        var time = new ManualTime();
        var nodes = Enumerable.Range(0, 4).Select(_ => new JobLeases(services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), time)).ToList();

        foreach (var job in Enumerable.Range(0, 5).Select(i => $"job-{i}"))
        {
            var start = new TaskCompletionSource();
            var asks = nodes.Select(n => Task.Run(async () => { await start.Task; return await n.TryTakeAsync(job, Lease); })).ToList();
            start.SetResult();

            Assert.Single(await Task.WhenAll(asks), taken => taken);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_holder_keeps_renewing_and_another_node_takes_over_only_once_the_lease_expires(DatabaseProvider engine)
    {
        await using var database = await MigratedDatabase(engine);
        using var services = Services(database);
        var time = new ManualTime();
        var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var (a, b) = (new JobLeases(contexts, time), new JobLeases(contexts, time));

        Assert.True(await a.TryTakeAsync("sweep", Lease));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await b.TryTakeAsync("sweep", Lease));
        Assert.True(await a.TryTakeAsync("sweep", Lease)); // renewed: now valid until minute 3

        time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.False(await b.TryTakeAsync("sweep", Lease));

        time.Advance(TimeSpan.FromMinutes(1)); // a went quiet past its lease
        Assert.True(await b.TryTakeAsync("sweep", Lease));
        Assert.False(await a.TryTakeAsync("sweep", Lease));

        await b.ReleaseAsync("sweep");
        Assert.True(await a.TryTakeAsync("sweep", Lease));
    }

    private static async Task<TestDatabase> MigratedDatabase(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await using var db = PersistenceSetup.CreateContext(new PortalDatabase(engine, database.ConnectionString));
        await PersistenceSetup.MigrateAsync(db);
        return database;
    }

    private static ServiceProvider Services(TestDatabase database) =>
        new ServiceCollection().AddPortalPersistence(new PortalDatabase(database.Provider, database.ConnectionString)).BuildServiceProvider();

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
