using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Api;

/// <summary>
/// Each node keeps the catalog, policies, stock locations and API keys in memory; a change made through another node
/// reaches the next request anyway, because every request checks the stamp the change renewed.
/// </summary>
[Trait("Engine", "Named")]
public sealed class ReferenceDataOnSeveralNodesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_product_withdrawn_and_a_key_revoked_on_one_node_are_refused_by_the_next_request_on_the_other(DatabaseProvider engine)
    {
        await using var nodeA = await PortalHost.StartAsync(engine: engine);
        await using var nodeB = await PortalHost.StartAsync(database: nodeA.Database);
        using var onB = nodeB.CreateApiClient(DemoAccounts.IntakeKey);
        const string sku = "ACC-CASE-CLEAR";

        Assert.Equal(HttpStatusCode.Created, (await onB.PostAsJsonAsync("/api/v1/orders", PreOrder(sku, 1))).StatusCode);

        await nodeA.WithDb(async db =>
        {
            (await db.Products.SingleAsync(p => p.Sku == sku)).Deactivate();
            return await db.SaveChangesAsync();
        });
        var withdrawn = await onB.PostAsJsonAsync("/api/v1/orders", PreOrder(sku, 2));
        Assert.Equal(HttpStatusCode.BadRequest, withdrawn.StatusCode);
        Assert.Contains("no longer sold", await withdrawn.Content.ReadAsStringAsync());

        await nodeA.WithDb(async db =>
        {
            var hash = ApiClient.Hash(DemoAccounts.IntakeKey);
            (await db.ApiClients.SingleAsync(c => c.KeyHash == hash)).Revoke(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.PostAsJsonAsync("/api/v1/orders", PreOrder(sku, 3))).StatusCode);
    }

    private static object PreOrder(string sku, int i) => new
    {
        flow = "PreOrderDelivery",
        customer = new { name = $"缓存客户{i}", phone = $"1394000{i:D4}", address = new { city = "广州市", district = "天河区", line = "天河路1号" } },
        lines = new[] { new { sku, quantity = 1 } },
        payment = "CashOnDelivery",
        deliveryWindow = new { date = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd"), slot = "14:00-18:00" },
    };
}
