using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure;

/// <summary>The database itself refuses to change or remove a ledger row, whoever sends the SQL.</summary>
public sealed class LedgerAppendOnlyTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.db");
    private PortalDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = PersistenceSetup.CreateContext(new PortalDatabase(DatabaseProvider.Sqlite, $"Data Source={_file}"));
        await PersistenceSetup.MigrateAsync(_db);
        _db.LedgerTransactions.Add(Postings.OrderInvoiced("SO202506010001", Money.Yuan(99), "rep.li", DateTime.UtcNow));
        await _db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("""UPDATE "LedgerEntries" SET "Debit" = 0""")]
    [InlineData("""DELETE FROM "LedgerEntries" """)]
    [InlineData("""UPDATE "LedgerTransactions" SET "Description" = 'changed'""")]
    [InlineData("""DELETE FROM "LedgerTransactions" """)]
    public async Task SQLite_refuses_to_update_or_delete_a_ledger_row(string sql)
    {
        var ex = await Assert.ThrowsAsync<SqliteException>(() => _db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains(LedgerAppendOnly.Message, ex.Message);
        var transaction = await _db.LedgerTransactions.AsNoTracking().SingleAsync();
        Assert.Equal(("Order SO202506010001 invoiced", 2, Money.Yuan(99)), (transaction.Description, transaction.Entries.Count, transaction.Total));
    }

    [Fact]
    public async Task Appending_still_works()
    {
        _db.LedgerTransactions.Add(Postings.Fee("txn_1", null, Money.Yuan(1), "stripe", DateTime.UtcNow));
        await _db.SaveChangesAsync();

        Assert.Equal(2, await _db.LedgerTransactions.CountAsync());
    }

    [Fact]
    public void The_SQL_Server_script_installs_a_refusing_trigger_on_both_ledger_tables()
    {
        using var db = PersistenceSetup.CreateContext(new PortalDatabase(DatabaseProvider.SqlServer, "Server=unused;Database=Portal;TrustServerCertificate=True"));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TRIGGER [LedgerTransactions_AppendOnly] ON [LedgerTransactions] AFTER UPDATE, DELETE", script);
        Assert.Contains("CREATE TRIGGER [LedgerEntries_AppendOnly] ON [LedgerEntries] AFTER UPDATE, DELETE", script);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}
