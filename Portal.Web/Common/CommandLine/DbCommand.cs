using Microsoft.Data.Sqlite;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Common.CommandLine;

/// <summary>
/// `Portal.Web db backup &lt;file&gt;` copies the SQLite database while the portal keeps running (VACUUM INTO reads one
/// committed snapshot; in WAL mode writers carry on meanwhile) and checks the copy. `Portal.Web db restore &lt;file&gt;`
/// checks a backup's integrity, then puts it in place of the configured database file — never while a portal runs on
/// that file (<see cref="DatabaseInUse"/>); the replaced file is kept beside it. PostgreSQL and SQL Server are backed
/// up with their own tools (see the README). Exit codes: 0 done, 1 refused, 2 usage.
/// </summary>
public static class DbCommand
{
    public const string Usage = "usage: Portal.Web db backup <file> | db restore <file>";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "db";

    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, WebApplicationOptions? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        if (args is not ["db", "backup" or "restore", var file] || string.IsNullOrWhiteSpace(file))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(options ?? new WebApplicationOptions());
        configure?.Invoke(builder);
        var database = PortalDatabase.From(
            builder.Configuration["Database:Provider"], builder.Configuration.GetConnectionString("Portal"), builder.Environment.ContentRootPath);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await stderr.WriteLineAsync(database.Provider == DatabaseProvider.PostgreSql
                ? "This database is PostgreSQL: back it up with pg_dump --format=custom and restore with pg_restore (see the README)."
                : "This database is SQL Server: use BACKUP DATABASE ... TO DISK and RESTORE DATABASE (see the README).");
            return 1;
        }

        var path = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, file));
        var live = Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        try
        {
            return args[1] == "backup"
                ? await BackupAsync(live, path, stdout, stderr)
                : await RestoreAsync(path, live, stdout, stderr);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<int> BackupAsync(string live, string target, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(live))
        {
            await stderr.WriteLineAsync($"There is no database at {live}.");
            return 1;
        }

        if (File.Exists(target))
        {
            await stderr.WriteLineAsync($"{target} already exists; name a new file.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var source = Open(live, SqliteOpenMode.ReadWrite))
        {
            await source.OpenAsync();
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            await vacuum.ExecuteNonQueryAsync();
        }

        if (await IntegrityProblemAsync(target) is { } problem)
        {
            File.Delete(target);
            await stderr.WriteLineAsync($"The copy failed its integrity check ({problem}); nothing was kept.");
            return 1;
        }

        await stdout.WriteLineAsync($"Backed up {live} to {target} ({new FileInfo(target).Length / 1024} KiB, integrity ok).");
        return 0;
    }

    private static async Task<int> RestoreAsync(string backup, string live, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(backup))
        {
            await stderr.WriteLineAsync($"There is no backup at {backup}.");
            return 1;
        }

        if (await IntegrityProblemAsync(backup) is { } problem)
        {
            await stderr.WriteLineAsync($"{backup} failed its integrity check ({problem}); the database was not touched.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(live)!);
        await using var exclusive = DatabaseInUse.TryTakeExclusively(live);
        if (exclusive is null)
        {
            await stderr.WriteLineAsync($"A portal is running on {live}; stop every portal using it, then restore.");
            return 1;
        }

        // Copy next to the target first, so the switch itself is one rename on the same disk.
        var incoming = live + ".restoring";
        File.Copy(backup, incoming, overwrite: true);
        string? kept = null;
        if (File.Exists(live))
        {
            kept = $"{live}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}";
            File.Move(live, kept);
        }

        foreach (var leftover in new[] { live + "-wal", live + "-shm" })
        {
            File.Delete(leftover);
        }

        File.Move(incoming, live);
        await stdout.WriteLineAsync(kept is null
            ? $"Restored {backup} to {live}."
            : $"Restored {backup} to {live}; the replaced database is kept as {kept}.");
        return 0;
    }

    /// <summary>Null when SQLite's integrity check passes and the file is a portal database; otherwise what is wrong.</summary>
    private static async Task<string?> IntegrityProblemAsync(string file)
    {
        try
        {
            await using var connection = Open(file, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var result = (string?)await check.ExecuteScalarAsync();
            if (result != "ok")
            {
                return result ?? "no answer";
            }

            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            return (long)(await check.ExecuteScalarAsync())! == 1 ? null : "not a portal database";
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
}
