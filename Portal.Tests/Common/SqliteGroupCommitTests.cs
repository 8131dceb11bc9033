using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;

namespace Portal.Tests.Common;

/// <summary>
/// On SQLite, commands that arrive together share one transaction: each is kept or refused on its own, and none is
/// answered before the group is on disk.
/// </summary>
[Trait("Engine", "Named")]
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task A_refused_command_rolls_back_alone_and_the_rest_of_its_group_commits_once()
    {
        await using var host = await PortalHost.StartAsync(engine: DatabaseProvider.Sqlite);
        var writes = host.Services.GetRequiredService<SqliteGroupCommit>();
        var before = writes.GroupsCommitted;
        var now = DateTime.UtcNow;

        await using var first = host.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<PortalDbContext>();
        var firstSeat = await writes.BeginAsync(firstDb, CancellationToken.None);
        firstDb.ProcessedRequests.Add(ProcessedRequest.Record("group:first", "{}", now));
        await firstDb.SaveChangesAsync();

        // Queued behind the first: one takes the key the first already took, one writes its own.
        var duplicate = Write("group:first");
        var own = Write("group:own");
        while (writes.Waiting < 2)
        {
            await Task.Delay(10);
        }

        await firstSeat.CommitAsync(CancellationToken.None);
        await firstSeat.DisposeAsync();

        Assert.Equal("refused", await duplicate);
        Assert.Equal("committed", await own);
        Assert.Equal(before + 1, writes.GroupsCommitted);
        var keys = await host.WithDb(db => db.ProcessedRequests.Where(r => r.Key.StartsWith("group:")).Select(r => r.Key).OrderBy(k => k).ToListAsync());
        Assert.Equal(["group:first", "group:own"], keys);

        async Task<string> Write(string key)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var seat = await writes.BeginAsync(db, CancellationToken.None);
            db.ProcessedRequests.Add(ProcessedRequest.Record(key, "{}", now));
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                await seat.RollbackAsync(CancellationToken.None);
                return "refused";
            }

            await seat.CommitAsync(CancellationToken.None);
            return "committed";
        }
    }
}
