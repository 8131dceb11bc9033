using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Common.Behaviours;

/// <summary>
/// SQLite has one writer at a time, and every commit waits for the disk (fsync of the WAL). Commands that arrive
/// together therefore share one write transaction: they take turns on one connection, each inside its own savepoint,
/// and the last of a group commits for all of them — one BEGIN, one fsync. A command that fails rolls back to its
/// savepoint only, so a refusal (out of stock, a taken key) never undoes the others. No command is answered before
/// its group has committed, so a crash loses only unanswered work. See docs/adr/0015-sqlite-group-commit.md.
/// Queuing this process's writers here also keeps SQLite's busy-retry path (150 ms sleeps in Microsoft.Data.Sqlite)
/// for other processes only.
/// </summary>
public sealed class SqliteGroupCommit(PortalDatabase database, IDbContextFactory<PortalDbContext> contexts)
{
    /// <summary>Bounds how long the first command of a group waits for the last, and how long other connections wait to write.</summary>
    public const int MaxGroupSize = 32;

    private static readonly TimeSpan OrphanCheck = TimeSpan.FromMilliseconds(5);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;
    private Group? _open;

    private long _groupsCommitted;

    /// <summary>Commands queued for their turn right now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Write transactions (and fsyncs) committed so far by this process's groups.</summary>
    public long GroupsCommitted => Interlocked.Read(ref _groupsCommitted);

    private string ConnectionString => database.ConnectionString;

    /// <summary>
    /// Takes this command's turn and seats <paramref name="db"/> in the open group (opening one if none is), or on a
    /// server engine begins an ordinary transaction: PostgreSQL takes no process-wide lock at all.
    /// </summary>
    public async Task<IWriteUnit> BeginAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return new OwnTransaction(await db.Database.BeginTransactionAsync(cancellationToken));
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        try
        {
            var group = _open ??= await Group.OpenAsync(contexts, cancellationToken);
            group.Members++;
            db.Database.SetDbConnection(group.Connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(group.Transaction, cancellationToken);
            group.Transaction.Save(Seat.Savepoint);
            return new Seat(this, group, db);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    /// <summary>Called by the turn holder when its command is done: pass the turn to the next command or commit the group.</summary>
    private async Task LeaveAsync(Group group)
    {
        if (!group.Broken && group.Members < MaxGroupSize && Volatile.Read(ref _waiting) > 0)
        {
            _turn.Release();
            await WaitForCommitAsync(group);
            return;
        }

        await CloseHeldAsync(group);
        await group.Committed.Task;
    }

    private async Task WaitForCommitAsync(Group group)
    {
        while (!group.Committed.Task.IsCompleted)
        {
            await Task.WhenAny(group.Committed.Task, Task.Delay(OrphanCheck));
            // A command counted as waiting may have been cancelled before it took the turn: then nobody would close
            // the group, so whoever finds the turn free and the group still open closes it.
            if (!group.Committed.Task.IsCompleted && _turn.Wait(0))
            {
                if (ReferenceEquals(_open, group))
                {
                    await CloseHeldAsync(group);
                }
                else
                {
                    _turn.Release();
                }
            }
        }

        await group.Committed.Task;
    }

    private async Task CloseHeldAsync(Group group)
    {
        _open = null;
        try
        {
            if (group.Broken)
            {
                await group.Transaction.RollbackAsync(CancellationToken.None);
                group.Committed.TrySetException(new GroupCommitFailedException(null));
            }
            else
            {
                await group.Transaction.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref _groupsCommitted);
                group.Committed.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            group.Committed.TrySetException(new GroupCommitFailedException(ex));
        }
        finally
        {
            await group.DisposeAsync();
            _turn.Release();
        }
    }

    /// <summary>One write transaction on one connection, shared by the commands of a group in turn.</summary>
    private sealed class Group(PortalDbContext owner, SqliteTransaction transaction) : IAsyncDisposable
    {
        /// <summary>
        /// A connection that EF Core created and opened, so it carries what EF registers on its own connections (the
        /// ef_compare, ef_add… functions that decimal comparisons and sums are translated to).
        /// </summary>
        public SqliteConnection Connection { get; } = (SqliteConnection)owner.Database.GetDbConnection();

        public SqliteTransaction Transaction { get; } = transaction;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Members { get; set; }

        /// <summary>A savepoint could not be rolled back: the transaction itself is in doubt and must not commit.</summary>
        public bool Broken { get; set; }

        public static async Task<Group> OpenAsync(IDbContextFactory<PortalDbContext> contexts, CancellationToken cancellationToken)
        {
            var owner = await contexts.CreateDbContextAsync(cancellationToken);
            try
            {
                await owner.Database.OpenConnectionAsync(cancellationToken);
                var connection = (SqliteConnection)owner.Database.GetDbConnection();
                // Immediate: take the write lock now, so a command never fails late on a lock another process holds.
                return new Group(owner, connection.BeginTransaction(IsolationLevel.Serializable, deferred: false));
            }
            catch
            {
                await owner.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await owner.DisposeAsync();
        }
    }

    /// <summary>One command's place in a group: its savepoint, released on success, rolled back on failure.</summary>
    private sealed class Seat(SqliteGroupCommit owner, Group group, PortalDbContext db) : IWriteUnit
    {
        public const string Savepoint = "command";

        private bool _left;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            group.Transaction.Release(Savepoint);
            await LeaveAsync();
        }

        public Task RollbackAsync(CancellationToken cancellationToken)
        {
            if (_left)
            {
                return Task.CompletedTask; // the group failed after this command left it: nothing of it was kept
            }

            try
            {
                group.Transaction.Rollback(Savepoint);
                group.Transaction.Release(Savepoint);
            }
            catch (SqliteException)
            {
                group.Broken = true;
            }

            return LeaveQuietlyAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_left)
            {
                await RollbackAsync(CancellationToken.None);
            }
        }

        private async Task LeaveQuietlyAsync()
        {
            try
            {
                await LeaveAsync();
            }
            catch (GroupCommitFailedException)
            {
                // This command is failing anyway; the others of the group learn of the failure themselves.
            }
        }

        private async Task LeaveAsync()
        {
            _left = true;
            // The context goes back to a connection of its own, which EF creates (and prepares) when next needed: the
            // group's connection is the next command's now.
            await db.Database.UseTransactionAsync(null);
            db.Database.SetDbConnection(null);
            db.Database.SetConnectionString(owner.ConnectionString);
            await owner.LeaveAsync(group);
        }
    }

    private sealed class OwnTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : IWriteUnit
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}

/// <summary>Where a command's writes go until they commit: its own transaction, or its seat in a SQLite group.</summary>
public interface IWriteUnit : IAsyncDisposable
{
    /// <summary>Returns once the command's writes are durable (on SQLite: when its whole group has committed).</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}

/// <summary>The group a command's writes were in did not commit: nothing of it was kept, so it may run again.</summary>
public sealed class GroupCommitFailedException(Exception? cause)
    : Exception("The group of commands this one was committed with did not commit.", cause);
