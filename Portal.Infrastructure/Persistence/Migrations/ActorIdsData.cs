using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence.Migrations;

/// <summary>
/// Who acted used to be recorded by sign-in name (e-mail); it is now the account's id, so a rename shows everywhere
/// and audits survive it. Every engine's migration maps the recorded names to ids; a name that no account has (an
/// API client, the system, a deleted account) keeps its recorded value. Couriers' settlement and handover signatures
/// stay logins: they are matched against the courier's login, not a person's account.
/// </summary>
public static class ActorIdsData
{
    private static readonly (string Table, string Column)[] Columns =
    [
        ("Orders", "CreatedBy"), ("OrderTimeline", "Actor"),
        ("Opportunities", "CreatedBy"), ("Opportunities", "ClaimedBy"), ("OpportunityTimeline", "Actor"), ("OpportunityContacts", "By"),
        ("Payments", "CreatedBy"), ("PaymentRefunds", "RequestedBy"), ("PaymentRefunds", "ApprovedBy"),
        ("DeliveryTimeline", "Actor"), ("StockMovements", "Actor"), ("LedgerTransactions", "PostedBy"),
        ("RepTasks", "ClaimedBy"), ("OfferOutcomes", "RecordedBy"), ("PersonalDataAccesses", "Actor"),
        ("AuditImports", "ImportedBy"), ("CashHandovers", "CountedBy"), ("ClosedPeriods", "ClosedBy"), ("DepositSlips", "RecordedBy"),
        ("MatchDecisions", "DecidedBy"), ("AuditVariances", "RaisedBy"), ("AuditVariances", "CountedBy"), ("AuditVariances", "DecidedBy"),
    ];

    /// <summary>Plain SQL that SQLite, PostgreSQL and SQL Server all run (quoted identifiers, UPPER, a correlated subquery).</summary>
    public static IEnumerable<string> NamesToIds() => Columns.Select(c =>
        $"""
        UPDATE "{c.Table}" SET "{c.Column}" = (SELECT u."Id" FROM "AspNetUsers" u WHERE u."NormalizedUserName" = UPPER("{c.Table}"."{c.Column}"))
        WHERE EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."NormalizedUserName" = UPPER("{c.Table}"."{c.Column}"))
        """);

    /// <summary>Back to sign-in names, for a rollback.</summary>
    public static IEnumerable<string> IdsToNames() => Columns.Select(c =>
        $"""
        UPDATE "{c.Table}" SET "{c.Column}" = (SELECT u."UserName" FROM "AspNetUsers" u WHERE u."Id" = "{c.Table}"."{c.Column}")
        WHERE EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = "{c.Table}"."{c.Column}")
        """);

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var sql in NamesToIds())
        {
            migrationBuilder.Sql(sql);
        }
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var sql in IdsToNames())
        {
            migrationBuilder.Sql(sql);
        }
    }
}
