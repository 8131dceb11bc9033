using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Two portal processes on one PostgreSQL database, as behind a load balancer: they start together (migrating and
/// seeding once), accept each other's cookies and antiforgery tokens, and never oversell between them.
/// </summary>
[Trait("Engine", "Named")]
public sealed class SeveralNodesTests
{
    [Fact]
    public async Task Two_nodes_share_sign_in_and_sell_exactly_the_available_units_between_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var starting = new[] { PortalProcess.StartAsync(database), PortalProcess.StartAsync(database) };
        await Task.WhenAll(starting.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        await using var a = await starting[0];
        await using var b = await starting[1];

        // Signed in with node A's form and token on node B; B's cookie is then honoured by A.
        var cookies = new CookieContainer();
        using (var onA = a.Client(cookies))
        using (var onB = b.Client(cookies))
        {
            var signIn = await PortalHost.SignInAsync(onA, onB, "rep@portal.local");
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain("/Account/Login", PortalHost.RedirectPath(signIn));

            var page = await onA.GetAsync("/rep");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var sku = DemoCatalog.ScarceHandsetSku;
        await using var db = PersistenceSetup.CreateContext(new PortalDatabase(database.Provider, database.ConnectionString));
        var available = await db.StockItems.Where(s => s.Sku == sku).SumAsync(s => s.OnHand - s.Reserved);
        Assert.InRange(available, 1, 40);

        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
        var responses = await Task.WhenAll(Enumerable.Range(0, available + 8).Select(async i =>
        {
            using var client = (i % 2 == 0 ? a : b).Client(new CookieContainer());
            client.DefaultRequestHeaders.Add("X-Api-Key", DemoAccounts.IntakeKey);
            return await client.PostAsJsonAsync("/api/v1/orders", new
            {
                flow = "PreOrderDelivery",
                customer = new { name = $"双节点客户{i}", phone = $"1392000{i:D4}", address = new { city = "广州市", district = "天河区", line = $"天河路{i}号" } },
                lines = new[] { new { sku, quantity = 1 } },
                payment = "CashOnDelivery",
                deliveryWindow = new { date = tomorrow, slot = "14:00-18:00" },
            });
        }));

        Assert.Equal(available, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(0, await db.StockItems.Where(s => s.Sku == sku).SumAsync(s => s.OnHand - s.Reserved));
        Assert.Equal(available, await db.SerialUnits.CountAsync(u => u.Sku == sku && u.ReservedForOrder != null));
        Assert.Equal(available, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task A_node_on_an_empty_PostgreSQL_database_migrates_it_seeds_demo_data_and_takes_orders()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var node = await PortalProcess.StartAsync(database);
        await using var db = PersistenceSetup.CreateContext(new PortalDatabase(database.Provider, database.ConnectionString));

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.True(await db.Users.AnyAsync(u => u.Email == "rep@portal.local"));
        Assert.True(await db.Products.AnyAsync(p => p.Sku == DemoCatalog.ScarceHandsetSku));

        using var client = node.Client(new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Api-Key", DemoAccounts.IntakeKey);
        var placed = await client.PostAsJsonAsync("/api/v1/orders", new
        {
            flow = "Direct",
            customer = new { name = "王小明", phone = "13800138000" },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        var order = await client.GetAsync(placed.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.Contains("\"flow\":\"Direct\"", await order.Content.ReadAsStringAsync());
        Assert.Equal(1, await db.Orders.CountAsync());
    }
}
