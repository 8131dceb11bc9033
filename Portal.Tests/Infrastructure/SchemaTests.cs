using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Migrations are written by hand (dotnet-ef is not available), so this is what catches drift between the
/// model and the migrations: a migrated database must have exactly the schema EnsureCreated builds from the model.
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private readonly string _migrated = Path.Combine(Path.GetTempPath(), $"schema-migrated-{Guid.NewGuid():N}.db");
    private readonly string _created = Path.Combine(Path.GetTempPath(), $"schema-created-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Migrations_build_exactly_the_schema_of_the_model()
    {
        await using (var db = Context(_migrated))
        {
            await PersistenceSetup.MigrateAsync(db);
        }

        await using (var db = Context(_created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = Describe(_created);
        var actual = Describe(_migrated);

        Assert.Empty(expected.Except(actual)); // in the model, missing from the migrations
        Assert.Empty(actual.Except(expected)); // in the migrations, not in the model
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var db = Context(_migrated);
        await PersistenceSetup.MigrateAsync(db);
        var first = Describe(_migrated);

        await PersistenceSetup.MigrateAsync(db);

        Assert.Equal(first, Describe(_migrated));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static PortalDbContext Context(string path)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PersistenceSetup.Configure(options, $"Data Source={path}");
        return new PortalDbContext(options.Options);
    }

    /// <summary>Tables, columns, indexes, foreign keys and triggers as sorted lines (column order is not compared).</summary>
    private static List<string> Describe(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var lines = new List<string>();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')")
            .Select(r => r[0]).Order(StringComparer.Ordinal).ToList();
        foreach (var table in tables)
        {
            lines.AddRange(Query(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')")
                .Select(r => $"{table} column {string.Join(' ', r)}"));
            foreach (var index in Query(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
            {
                var columns = Query(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno").Select(r => r[0]);
                lines.Add($"{table} index {string.Join(' ', index)} ({string.Join(',', columns)})");
            }

            lines.AddRange(Query(connection, $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')")
                .Select(r => $"{table} fk {string.Join(' ', r)}"));
        }

        lines.AddRange(Query(connection, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").Select(r => $"trigger {string.Join(' ', r)}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _migrated, _created }.SelectMany(p => new[] { p, p + "-wal", p + "-shm" }))
        {
            File.Delete(file);
        }
    }
}
