using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.CommandLine;

namespace Portal.Tests.Operations;

/// <summary>`db backup` / `db restore` on a SQLite portal that keeps taking orders through its HTTP API.</summary>
public sealed class BackupRestoreTests
{
    private static readonly string Tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_backup_taken_during_a_burst_of_orders_restores_every_order_answered_before_it_began()
    {
        await using var host = await PortalHost.StartAsync(engine: DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("portal-backup-");
        try
        {
            var backup = Path.Combine(folder.FullName, "portal-backup.db");
            var answered = new ConcurrentQueue<(string Number, long At)>();
            using var stop = new CancellationTokenSource();
            var started = 0;
            var burst = Enumerable.Range(0, 3).Select(worker => Task.Run(async () =>
            {
                using var api = host.CreateApiClient();
                for (var i = 0; i < 30 && !stop.IsCancellationRequested; i++)
                {
                    var response = await api.PostAsJsonAsync("/api/v1/orders", Order(worker, i, i % 2 == 0));
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString()!;
                    answered.Enqueue((number, Environment.TickCount64));
                    Interlocked.Increment(ref started);
                }
            })).ToList();
            while (Volatile.Read(ref started) < 10)
            {
                await Task.Delay(20);
            }

            var backupBegan = Environment.TickCount64;
            var before = answered.Where(a => a.At < backupBegan).Select(a => a.Number).ToList();
            var exit = await DbCommand.RunAsync(["db", "backup", backup], TextWriter.Null, TextWriter.Null, configure: b => host.Database.Apply(b.Configuration));
            stop.Cancel();
            await Task.WhenAll(burst);
            Assert.Equal(0, exit);

            var restored = Path.Combine(folder.FullName, "restored.db");
            var restoreExit = await DbCommand.RunAsync(["db", "restore", backup], TextWriter.Null, TextWriter.Null,
                configure: b => b.Configuration["ConnectionStrings:Portal"] = $"Data Source={restored}");
            Assert.Equal(0, restoreExit);

            await using var db = PersistenceSetup.CreateContext(new PortalDatabase(DatabaseProvider.Sqlite, $"Data Source={restored};Pooling=false"));
            var numbers = await db.Orders.Select(o => o.Number).ToListAsync();
            Assert.All(before, n => Assert.Contains(n, numbers));
            Assert.True(numbers.Count >= before.Count);

            // Stock: every reservation the restored orders hold is counted on the shelf, and no more.
            var reservedUnits = await db.SerialUnits.Where(u => u.ReservedForOrder != null).GroupBy(u => u.Sku).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            foreach (var unit in reservedUnits)
            {
                Assert.Equal(unit.Count, await db.StockItems.Where(s => s.Sku == unit.Key).SumAsync(s => s.Reserved));
            }

            Assert.All(await db.SerialUnits.Where(u => u.ReservedForOrder != null).Select(u => u.ReservedForOrder!).Distinct().ToListAsync(),
                n => Assert.Contains(n, numbers));
            // Ledger: every transaction in the copy balances.
            var transactions = await db.LedgerTransactions.ToListAsync();
            Assert.All(transactions, t => Assert.Equal(t.Entries.Sum(e => e.Debit.Amount), t.Entries.Sum(e => e.Credit.Amount)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Restore_refuses_to_replace_the_database_of_a_running_portal()
    {
        await using var host = await PortalHost.StartAsync(engine: DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("portal-backup-");
        try
        {
            var backup = Path.Combine(folder.FullName, "b.db");
            Assert.Equal(0, await DbCommand.RunAsync(["db", "backup", backup], TextWriter.Null, TextWriter.Null, configure: b => host.Database.Apply(b.Configuration)));
            var errors = new StringWriter();

            var exit = await DbCommand.RunAsync(["db", "restore", backup], TextWriter.Null, errors, configure: b => host.Database.Apply(b.Configuration));

            Assert.Equal(1, exit);
            Assert.Contains("running", errors.ToString());
            Assert.Equal(1, await DbCommand.RunAsync(["db", "backup", backup], TextWriter.Null, TextWriter.Null, configure: b => host.Database.Apply(b.Configuration)));
            using var client = host.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_an_intact_portal_database()
    {
        var folder = Directory.CreateTempSubdirectory("portal-backup-");
        try
        {
            var junk = Path.Combine(folder.FullName, "junk.db");
            await File.WriteAllTextAsync(junk, "not a database at all, just text that is long enough to look like a header");
            var target = Path.Combine(folder.FullName, "target.db");
            var errors = new StringWriter();

            var exit = await DbCommand.RunAsync(["db", "restore", junk], TextWriter.Null, errors,
                configure: b => b.Configuration["ConnectionStrings:Portal"] = $"Data Source={target}");

            Assert.Equal(1, exit);
            Assert.Contains("integrity", errors.ToString());
            Assert.False(File.Exists(target));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static object Order(int worker, int i, bool delivered) => delivered
        ? new
        {
            flow = "PreOrderDelivery",
            customer = new { name = $"备份客户{worker}", phone = $"1390001{worker}{i:D3}", address = new { city = "广州市", district = "天河区", line = $"天河路{i}号" } },
            lines = new[] { new { sku = "PLAN-5G-58", quantity = 1 }, new { sku = "SIM-5G-STD", quantity = 1 } },
            payment = "CashOnDelivery",
            deliveryWindow = new { date = Tomorrow, slot = "14:00-18:00" },
        }
        : new
        {
            flow = "Direct",
            customer = new { name = $"备份客户{worker}", phone = $"1390002{worker}{i:D3}" },
            lines = new[] { new { sku = "ADDON-DATA-10G", quantity = 1 } },
            payment = "BillToAccount",
        };
}
