using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Never oversell: many callers racing for the last units of a handset. SQLite queues writers; PostgreSQL decides
/// in the database (row lock on the stock, row versions, retried transactions).
/// </summary>
public sealed class LastUnitsRaceTests
{
    [Theory]
    [Trait("Engine", "Named")]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Exactly_the_available_units_are_sold_when_many_orders_race_for_them(DatabaseProvider engine)
    {
        await using var host = await PortalHost.StartAsync(engine: engine);
        var sku = DemoCatalog.ScarceHandsetSku;
        var available = await host.WithDb(db => db.StockItems.Where(s => s.Sku == sku).SumAsync(s => s.OnHand - s.Reserved));
        Assert.InRange(available, 1, 40);
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");

        var attempts = Enumerable.Range(0, available + 7).Select(async i =>
        {
            using var client = host.CreateApiClient(DemoAccounts.IntakeKey);
            return await client.PostAsJsonAsync("/api/v1/orders", new
            {
                flow = "PreOrderDelivery",
                customer = new { name = $"抢购客户{i}", phone = $"1390000{i:D4}", address = new { city = "广州市", district = "天河区", line = $"天河路{i}号" } },
                lines = new[] { new { sku, quantity = 1 } },
                payment = "CashOnDelivery",
                deliveryWindow = new { date = tomorrow, slot = "14:00-18:00" },
            });
        });
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(available, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains("available", await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(0, await host.WithDb(db => db.StockItems.Where(s => s.Sku == sku).SumAsync(s => s.OnHand - s.Reserved)));
        Assert.Equal(available, await host.WithDb(db => db.SerialUnits.CountAsync(u => u.Sku == sku && u.ReservedForOrder != null)));
        Assert.Equal(available, await host.WithDb(db => db.Orders.CountAsync()));
    }
}
