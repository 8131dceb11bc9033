using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Orders;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Privacy;

namespace Portal.Tests.Features.Privacy;

[Trait("Engine", "Named")]
public sealed class RetentionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_customer_quiet_for_the_retention_period_is_anonymised_and_money_records_stay_as_they_were(DatabaseProvider engine)
    {
        // A retention period of zero months makes everything already placed "old enough"; the sweep is sent by hand.
        await using var host = await PortalHost.StartAsync(engine: engine, configure: b =>
        {
            b.Configuration["Retention:Months"] = "0";
            b.Configuration["Retention:SweepEveryHours"] = "0";
        });
        var done = await PlaceAsync(host, new
        {
            flow = "Direct",
            customer = new { name = "过期客户", phone = "13944440001" },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });
        await host.DeliverOutboxAsync();
        // The operator's usage facts for the same number, and a key-moment call about it that a rep has closed.
        using (var crm = host.CreateApiClient(Portal.Infrastructure.Persistence.Seeding.DemoAccounts.CrmKey))
        {
            object[] usage = [new { phone = "13944440001", period = "2026-10", planCode = "PLAN-5G-58", dataUsedMb = 1000, dataQuotaMb = 30720, voiceMinutes = 50, bill = 58 }];
            Assert.Equal(HttpStatusCode.OK, (await crm.PostAsJsonAsync("/api/v1/customers/usage", usage)).StatusCode);
        }

        // A variable, not a constant, so EF's query log names a parameter rather than the number.
        var expiredPhone = Portal.Domain.Shared.Msisdn.Parse("13944440001");
        var taskId = await host.WithDb(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Phone == expiredPhone);
            var task = Portal.Domain.KeyMoments.RepTask.Open(
                new Portal.Domain.KeyMoments.KeyMoment("BILL-150", customer.Phone, "BILL-150:2026-10", "test", 2), ["UPGRADE-5G-50"], customer.Id, customer.Name, customer.Tier, DateTime.UtcNow);
            db.RepTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        var rep = await host.PrincipalFor("rep@portal.local");
        await host.Send(new Portal.Web.Features.KeyMoments.ClaimRepTask.Command(taskId), rep);
        await host.Send(new Portal.Web.Features.KeyMoments.RecordTaskOutcome.Command(taskId, Portal.Domain.KeyMoments.OfferOutcomeKind.Declined, "Happy with the plan"), rep);
        var open = await PlaceAsync(host, new
        {
            flow = "PreOrderDelivery",
            customer = new { name = "在途客户", phone = "13944440002", address = new { city = "广州市", district = "天河区", line = "天河路1号" } },
            lines = new[] { new { sku = "ACC-CASE-CLEAR", quantity = 1 } },
            payment = "CashOnDelivery",
            deliveryWindow = new { date = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd"), slot = "14:00-18:00" },
        });
        var ledgerBefore = await LedgerAsync(host);
        var totalBefore = await host.WithDb(db => db.Orders.Where(o => o.Number == done).Select(o => o.Total).SingleAsync());

        await host.Send(new AnonymiseExpiredCustomers.Command(), SystemPrincipal.For("retention-test"));

        var quiet = await host.WithDb(db => db.Orders.Where(o => o.Number == done).Select(o => new { o.CustomerId, o.CustomerName, o.Phone, o.Total, o.Status }).SingleAsync());
        Assert.Equal(OrderStatus.Completed, quiet.Status);
        Assert.True(quiet.Phone.IsAnonymous);
        Assert.Equal("***", quiet.CustomerName);
        Assert.Equal(totalBefore, quiet.Total);
        var customer = await host.WithDb(db => db.Customers.SingleAsync(c => c.Id == quiet.CustomerId));
        Assert.True(customer.IsAnonymised);
        Assert.Null(customer.IdNumber);
        Assert.Empty(customer.Addresses);
        Assert.False(await host.WithDb(db => db.Customers.AnyAsync(c => c.Name == "过期客户")));
        Assert.False(await host.WithDb(db => db.UsageFacts.AnyAsync(f => f.Phone == expiredPhone)));
        Assert.False(await host.WithDb(db => db.RepTasks.AnyAsync(t => t.Phone == expiredPhone || t.CustomerName == "过期客户")));
        Assert.False(await host.WithDb(db => db.OfferOutcomes.AnyAsync(o => o.Phone == expiredPhone)));
        Assert.True(await host.WithDb(db => db.RepTasks.AnyAsync(t => t.Id == taskId)));
        var recorded = await host.WithDb(db => db.PersonalDataAccesses.SingleAsync(a => a.CustomerId == quiet.CustomerId));
        Assert.Equal(PersonalDataAction.Anonymise, recorded.Action);

        // A customer with an order still on its way keeps their data, however old it is.
        var kept = await host.WithDb(db => db.Orders.Where(o => o.Number == open).Select(o => new { o.CustomerName, o.Phone }).SingleAsync());
        Assert.Equal("在途客户", kept.CustomerName);
        Assert.Equal("13944440002", kept.Phone.Value);
        Assert.Equal(ledgerBefore, await LedgerAsync(host));

        // Running again changes nothing more: the sweep is idempotent.
        await host.Send(new AnonymiseExpiredCustomers.Command(), SystemPrincipal.For("retention-test"));
        Assert.Equal(1, await host.WithDb(db => db.PersonalDataAccesses.CountAsync(a => a.CustomerId == quiet.CustomerId)));
    }

    [Fact]
    public async Task Recent_customers_are_left_alone()
    {
        await using var host = await PortalHost.StartAsync(configure: b => b.Configuration["Retention:SweepEveryHours"] = "0");
        var number = await PlaceAsync(host, new
        {
            flow = "Direct",
            customer = new { name = "新客户", phone = "13944440003" },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        });
        await host.DeliverOutboxAsync();

        Assert.Equal(0, await host.Send(new AnonymiseExpiredCustomers.Command(), SystemPrincipal.For("retention-test")));
        Assert.Equal("新客户", await host.WithDb(db => db.Orders.Where(o => o.Number == number).Select(o => o.CustomerName).SingleAsync()));
    }

    private static async Task<string> PlaceAsync(PortalHost host, object order)
    {
        using var api = host.CreateApiClient();
        var response = await api.PostAsJsonAsync("/api/v1/orders", order);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString()!;
    }

    /// <summary>Every ledger transaction with its entries, as comparable text.</summary>
    private static Task<string> LedgerAsync(PortalHost host) => host.WithDb(async db =>
    {
        var transactions = await db.LedgerTransactions.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        return string.Join("\n", transactions.Select(t =>
            $"{t.Key}|{t.Kind}|{t.SourceReference}|{t.OrderNumber}|{t.Description}|{t.PostedBy}|" +
            string.Join(";", t.Entries.Select(e => $"{e.AccountCode}:{e.Debit.Amount}:{e.Credit.Amount}"))));
    });
}
