using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A running portal holds a shared lock on "&lt;database file&gt;.lock" for as long as it runs; `db restore` takes
/// it exclusively, so it never replaces a file a portal has open, and a portal cannot start while a restore switches
/// files. The operating system drops the lock when the process ends, so a crashed portal leaves nothing to clean up.
/// Server engines need none of this: their own tools restore them.
/// </summary>
public sealed class DatabaseInUse(PortalDatabase database) : IDisposable
{
    private FileStream? _held;

    /// <summary>Takes the shared lock; throws when a restore holds the file.</summary>
    public void Hold()
    {
        if (database.Provider != DatabaseProvider.Sqlite || _held is not null || LockPath(database) is not { } path)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"The database {path[..^5]} is being restored; start the portal when the restore has finished.", ex);
        }
    }

    /// <summary>The exclusive lock a restore holds while it switches files, or null when a portal runs on the file.</summary>
    public static FileStream? TryTakeExclusively(string databaseFile)
    {
        try
        {
            return new FileStream(databaseFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string? LockPath(PortalDatabase database)
    {
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" ? null : Path.GetFullPath(file) + ".lock";
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }
}
