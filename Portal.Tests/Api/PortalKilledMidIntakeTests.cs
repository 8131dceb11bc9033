using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// A node killed in the middle of intake (SIGKILL, no shutdown) loses nothing it answered and leaves the stock exact,
/// on SQLite with its group commit and on PostgreSQL with a transaction per command.
/// </summary>
[Trait("Engine", "Named")]
public sealed class PortalKilledMidIntakeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_portal_killed_while_orders_pour_in_has_every_order_it_answered_and_exact_stock(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
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

        await node.DisposeAsync(); // SIGKILL: whatever transaction or SQLite group was open never commits
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
