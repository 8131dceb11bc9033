using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Bss;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

/// <summary>The BSS is called from the outbox after the order commits, retried after failures and restarts, once.</summary>
public sealed class DirectOrderProvisioningTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_order_whose_bss_call_fails_transiently_is_completed_by_a_retry_after_a_restart_exactly_once()
    {
        var bss = new FakeBss { Unreachable = true };
        await using var database = await TestDatabase.CreateAsync(TestDatabase.DefaultEngine);
        var first = await Start(bss, database);
        var rep = await first.PrincipalFor("rep@portal.local");

        // The BSS being down does not stop the order from being taken: the call is not part of the transaction.
        var placed = await OrderSlice.PlaceDirect(first, rep, OrderSlice.NewPhone());
        Assert.Equal("Submitted", placed.Status);
        Assert.Equal(1, await first.DeliverOutboxAsync());
        var status = await first.Send(new GetOrderStatus.Query(placed.Number), rep);
        Assert.True(status.AwaitingBss);
        await first.DisposeAsync();

        bss.Unreachable = false;
        var second = await Start(bss, database);
        try
        {
            Assert.Equal(0, await second.DeliverOutboxAsync()); // the retry waits for its back-off
            _time.Advance(TimeSpan.FromSeconds(6));
            Assert.Equal(1, await second.DeliverOutboxAsync());
            Assert.Equal(0, await second.DeliverOutboxAsync());

            var order = await second.Send(new GetOrder.Query(placed.Number), await second.PrincipalFor("rep@portal.local"));
            Assert.Equal("Completed", order.Status);
            var completed = Assert.Single(order.Timeline, e => e.ToStatus == "Completed");
            Assert.Equal("system:outbox", completed.Actor);
            Assert.Equal(1, bss.ProvisionedTimes(placed.Number));
            Assert.Equal(2, bss.Calls);
            Assert.True(await second.WithDb(db => db.OutboxMessages.AllAsync(m => m.DeliveredAtUtc != null)));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Nodes_sharing_a_database_deliver_each_message_once()
    {
        var bss = new FakeBss();
        await using var nodeA = await Start(bss);
        await using var nodeB = await Start(bss, nodeA.Database);
        var rep = await nodeA.PrincipalFor("rep@portal.local");
        var numbers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            numbers.Add((await OrderSlice.PlaceDirect(nodeA, rep, OrderSlice.NewPhone())).Number);
        }

        var passes = await Task.WhenAll(nodeA.DeliverOutboxAsync(), nodeB.DeliverOutboxAsync(), nodeA.DeliverOutboxAsync(), nodeB.DeliverOutboxAsync());

        Assert.Equal(numbers.Count, passes.Sum());
        Assert.Equal(numbers.Count, bss.Calls);
        Assert.All(numbers, n => Assert.Equal(1, bss.ProvisionedTimes(n)));
    }

    [Fact]
    public async Task A_message_whose_node_died_mid_delivery_is_taken_over_when_the_claim_expires()
    {
        var bss = new FakeBss();
        await using var host = await Start(bss);
        var rep = await host.PrincipalFor("rep@portal.local");
        var placed = await OrderSlice.PlaceDirect(host, rep, OrderSlice.NewPhone());

        // A node claimed the message and died before recording anything.
        await host.WithDb(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, Guid.NewGuid())
            .SetProperty(m => m.ClaimedUntilUtc, _time.GetUtcNow().UtcDateTime.AddMinutes(2))
            .SetProperty(m => m.Attempts, 1)));

        Assert.Equal(0, await host.DeliverOutboxAsync());
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await host.DeliverOutboxAsync());

        Assert.Equal("Completed", (await host.Send(new GetOrderStatus.Query(placed.Number), rep)).Status);
        Assert.Equal(1, bss.ProvisionedTimes(placed.Number));
    }

    [Fact]
    public async Task When_retries_run_out_the_order_is_marked_provisioning_failed_for_the_rep()
    {
        var bss = new FakeBss { Unreachable = true };
        await using var host = await Start(bss, configure: b => b.Configuration["Outbox:MaxAttempts"] = "2");
        var rep = await host.PrincipalFor("rep@portal.local");
        var placed = await OrderSlice.PlaceDirect(host, rep, OrderSlice.NewPhone());

        Assert.Equal(1, await host.DeliverOutboxAsync());
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.DeliverOutboxAsync());
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.DeliverOutboxAsync());

        var status = await host.Send(new GetOrderStatus.Query(placed.Number), rep);
        Assert.Equal("ProvisioningFailed", status.Status);
        Assert.False(status.AwaitingBss);
        Assert.Contains("could not be reached after 2 attempts", status.Message);
    }

    private Task<PortalHost> Start(FakeBss bss, TestDatabase? database = null, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null) =>
        PortalHost.StartAsync(
            configure: b =>
            {
                b.Services.AddSingleton<TimeProvider>(_time);
                b.Services.AddSingleton<IBssAdapter>(bss);
                configure?.Invoke(b);
            },
            database: database);
}
