using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// Makes the database itself refuse UPDATE and DELETE on ledger rows, whatever the client: a trigger that aborts
/// on SQLite and PostgreSQL, a trigger that throws (rolling the statement back) on SQL Server (INSTEAD OF is not
/// allowed there beside the entries' cascading foreign key). Called from each engine's migration.
/// </summary>
public static class LedgerAppendOnly
{
    public const string Message = "The ledger is append-only: post a reversing transaction instead";
    private static readonly string[] Tables = ["LedgerTransactions", "LedgerEntries"];

    public static void Sqlite(MigrationBuilder migration)
    {
        foreach (var table in Tables)
        {
            foreach (var verb in new[] { "UPDATE", "DELETE" })
            {
                migration.Sql($"""
                    CREATE TRIGGER "{table}_No{Pascal(verb)}" BEFORE {verb} ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{Message}'); END;
                    """);
            }
        }
    }

    public static void PostgreSql(MigrationBuilder migration)
    {
        migration.Sql($"""
            CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{Message}' USING ERRCODE = 'insufficient_privilege'; END; $$;
            """);
        foreach (var table in Tables)
        {
            migration.Sql($"""
                CREATE TRIGGER "{table}_AppendOnly" BEFORE UPDATE OR DELETE ON "{table}"
                FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
                """);
            // TRUNCATE bypasses row triggers; it is refused by a statement trigger.
            migration.Sql($"""
                CREATE TRIGGER "{table}_NoTruncate" BEFORE TRUNCATE ON "{table}"
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
                """);
        }
    }

    public static void SqlServer(MigrationBuilder migration)
    {
        foreach (var table in Tables)
        {
            migration.Sql($"""
                CREATE TRIGGER [{table}_AppendOnly] ON [{table}] AFTER UPDATE, DELETE AS
                BEGIN THROW 51000, '{Message}', 1; END;
                """);
        }
    }

    public static void Drop(MigrationBuilder migration, string provider)
    {
        foreach (var table in Tables)
        {
            switch (provider)
            {
                case "Sqlite":
                    migration.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoUpdate";""");
                    migration.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoDelete";""");
                    break;
                case "PostgreSql":
                    migration.Sql($"""DROP TRIGGER IF EXISTS "{table}_AppendOnly" ON "{table}";""");
                    migration.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoTruncate" ON "{table}";""");
                    break;
                default:
                    migration.Sql($"DROP TRIGGER IF EXISTS [{table}_AppendOnly];");
                    break;
            }
        }

        if (provider == "PostgreSql")
        {
            migration.Sql("DROP FUNCTION IF EXISTS ledger_append_only();");
        }
    }

    private static string Pascal(string verb) => verb[0] + verb[1..].ToLowerInvariant();
}
