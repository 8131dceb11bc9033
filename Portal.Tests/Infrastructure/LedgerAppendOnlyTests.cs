using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure;

/// <summary>The database itself refuses to change or remove a ledger row, whoever sends the SQL, on SQLite and PostgreSQL.</summary>
[Trait("Engine", "Named")]
public sealed class LedgerAppendOnlyTests
{
    public static TheoryData<DatabaseProvider, string> Statements()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var engine in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            data.Add(engine, """UPDATE "LedgerEntries" SET "Debit" = 0""");
            data.Add(engine, """DELETE FROM "LedgerEntries" """);
            data.Add(engine, """UPDATE "LedgerTransactions" SET "Description" = 'changed'""");
            data.Add(engine, """DELETE FROM "LedgerTransactions" """);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task The_database_refuses_to_update_or_delete_a_ledger_row(DatabaseProvider engine, string sql)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var db = await LedgerWithOneInvoice(database);

        var ex = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains(LedgerAppendOnly.Message, ex.Message);
        var transaction = await db.LedgerTransactions.AsNoTracking().SingleAsync();
        Assert.Equal(("Order SO202506010001 invoiced", 2, Money.Yuan(99)), (transaction.Description, transaction.Entries.Count, transaction.Total));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Appending_still_works(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var db = await LedgerWithOneInvoice(database);

        db.LedgerTransactions.Add(Postings.Fee("txn_1", null, Money.Yuan(1), "stripe", DateTime.UtcNow));
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.LedgerTransactions.CountAsync());
    }

    [Fact]
    public void The_SQL_Server_script_installs_a_refusing_trigger_on_both_ledger_tables()
    {
        using var db = PersistenceSetup.CreateContext(new PortalDatabase(DatabaseProvider.SqlServer, "Server=unused;Database=Portal;TrustServerCertificate=True"));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TRIGGER [LedgerTransactions_AppendOnly] ON [LedgerTransactions] AFTER UPDATE, DELETE", script);
        Assert.Contains("CREATE TRIGGER [LedgerEntries_AppendOnly] ON [LedgerEntries] AFTER UPDATE, DELETE", script);
    }

    private static async Task<PortalDbContext> LedgerWithOneInvoice(TestDatabase database)
    {
        var db = PersistenceSetup.CreateContext(new PortalDatabase(database.Provider, database.ConnectionString));
        await PersistenceSetup.MigrateAsync(db);
        db.LedgerTransactions.Add(Postings.OrderInvoiced("SO202506010001", Money.Yuan(99), "rep.li", DateTime.UtcNow));
        await db.SaveChangesAsync();
        return db;
    }
}
