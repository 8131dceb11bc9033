using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;

namespace Portal.Tests.Common;

/// <summary>
/// On SQLite, commands that arrive together share one transaction: each is kept or refused on its own, and none is
/// answered before the group is on disk.
/// </summary>
[Trait("Engine", "Named")]
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task A_refused_command_rolls_back_alone_and_the_rest_of_its_group_commits_once()
    {
        await using var host = await PortalHost.StartAsync(engine: DatabaseProvider.Sqlite);
        var writes = host.Services.GetRequiredService<SqliteGroupCommit>();
        var before = writes.GroupsCommitted;
        var now = DateTime.UtcNow;

        await using var first = host.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<PortalDbContext>();
        var firstSeat = await writes.BeginAsync(firstDb, CancellationToken.None);
        firstDb.ProcessedRequests.Add(ProcessedRequest.Record("group:first", "{}", now));
        await firstDb.SaveChangesAsync();

        // Queued behind the first: one takes the key the first already took, one writes its own.
        var duplicate = Write("group:first");
        var own = Write("group:own");
        while (writes.Waiting < 2)
        {
            await Task.Delay(10);
        }

        await firstSeat.CommitAsync(CancellationToken.None);
        await firstSeat.DisposeAsync();

        Assert.Equal("refused", await duplicate);
        Assert.Equal("committed", await own);
        Assert.Equal(before + 1, writes.GroupsCommitted);
        var keys = await host.WithDb(db => db.ProcessedRequests.Where(r => r.Key.StartsWith("group:")).Select(r => r.Key).OrderBy(k => k).ToListAsync());
        Assert.Equal(["group:first", "group:own"], keys);

        async Task<string> Write(string key)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var seat = await writes.BeginAsync(db, CancellationToken.None);
            db.ProcessedRequests.Add(ProcessedRequest.Record(key, "{}", now));
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                await seat.RollbackAsync(CancellationToken.None);
                return "refused";
            }

            await seat.CommitAsync(CancellationToken.None);
            return "committed";
        }
    }

    [Fact]
    public async Task A_portal_killed_while_orders_pour_in_has_every_order_it_answered_and_exact_stock()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var node = await PortalProcess.StartAsync(database);
        const string sku = "ACC-CASE-CLEAR";
        int reservedBefore, ordersBefore, movementsBefore;
        await using (var db = PersistenceSetup.CreateContext(new PortalDatabase(database.Provider, database.ConnectionString)))
        {
            var item = await db.StockItems.OrderBy(s => s.Id).FirstAsync(s => s.Sku == sku);
            item.Receive(10_000);
            await db.SaveChangesAsync();
            reservedBefore = await db.StockItems.Where(s => s.Sku == sku).SumAsync(s => s.Reserved);
            ordersBefore = await db.Orders.CountAsync();
            movementsBefore = await db.StockMovements.CountAsync(m => m.Sku == sku && m.Kind == Portal.Domain.Inventory.StockMovementKind.Reserved);
        }

        var answered = new System.Collections.Concurrent.ConcurrentBag<string>();
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            using var http = node.Client(new CookieContainer());
            http.DefaultRequestHeaders.Add("X-Api-Key", DemoAccounts.IntakeKey);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/v1/orders", new
                    {
                        flow = "PreOrderDelivery",
                        customer = new { name = $"断电客户{client}", phone = $"1393{client:D2}{i:D5}", address = new { city = "广州市", district = "天河区", line = "天河路1号" } },
                        lines = new[] { new { sku, quantity = 1 } },
                        payment = "CashOnDelivery",
                        deliveryWindow = new { date = tomorrow, slot = "14:00-18:00" },
                    });
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        answered.Add(body.GetProperty("number").GetString()!);
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the portal is gone
                }
            }
        })).ToList();

        while (answered.Count < 40 && clients.Any(c => !c.IsCompleted))
        {
            await Task.Delay(20);
        }

        await node.DisposeAsync(); // SIGKILL: whatever group was open never commits
        stop.Cancel();
        await Task.WhenAll(clients);

        await using var after = PersistenceSetup.CreateContext(new PortalDatabase(database.Provider, database.ConnectionString));
        var stored = await after.Orders.Select(o => o.Number).ToListAsync();
        Assert.Empty(answered.Except(stored));
        Assert.True(answered.Count >= 40, "the portal answered too few orders before it was killed");
        var placed = stored.Count - ordersBefore;
        Assert.Equal(reservedBefore + placed, await after.StockItems.Where(s => s.Sku == sku).SumAsync(s => s.Reserved));
        Assert.Equal(movementsBefore + placed, await after.StockMovements.CountAsync(m => m.Sku == sku && m.Kind == Portal.Domain.Inventory.StockMovementKind.Reserved));
    }
}
