using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Outbox;

namespace Portal.Tests.Common;

public sealed class OutboxBacklogTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_backlog_another_node_drains_while_it_is_measured_is_measured_empty()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.DefaultEngine);
        var target = new PortalDatabase(database.Provider, database.ConnectionString);
        await using (var setup = PersistenceSetup.CreateContext(target))
        {
            await PersistenceSetup.MigrateAsync(setup);
            setup.OutboxMessages.Add(OutboxMessage.Create("test", "{}", Now.AddMinutes(-5)));
            await setup.SaveChangesAsync();
        }

        var options = PersistenceSetup.Configure(new DbContextOptionsBuilder<PortalDbContext>(), target)
            .AddInterceptors(new OtherNodeDeliversAfterTheCount(target)).Options;
        await using var db = PersistenceSetup.CreateContext((DbContextOptions<PortalDbContext>)options, database.Provider);

        var backlog = await OutboxBacklog.MeasureAsync(db, Now, CancellationToken.None);

        Assert.Equal(new OutboxBacklog(0, TimeSpan.Zero, TimeSpan.Zero), backlog);
    }

    [Fact]
    public async Task A_waiting_message_is_measured_by_its_age_and_how_long_it_has_been_due()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.DefaultEngine);
        await using var db = PersistenceSetup.CreateContext(new PortalDatabase(database.Provider, database.ConnectionString));
        await PersistenceSetup.MigrateAsync(db);
        db.OutboxMessages.Add(OutboxMessage.Create("test", "{}", Now.AddMinutes(-5)));
        await db.SaveChangesAsync();

        var backlog = await OutboxBacklog.MeasureAsync(db, Now, CancellationToken.None);

        Assert.Equal(new OutboxBacklog(1, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)), backlog);
    }

    /// <summary>Deletes every waiting message on its own connection right after the backlog's count has run.</summary>
    private sealed class OtherNodeDeliversAfterTheCount(PortalDatabase database) : DbCommandInterceptor
    {
        private bool _done;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!_done && command.CommandText.Contains("COUNT(", StringComparison.OrdinalIgnoreCase))
            {
                _done = true;
                await using var other = PersistenceSetup.CreateContext(database);
                await other.OutboxMessages.ExecuteDeleteAsync(cancellationToken);
            }

            return result;
        }
    }
}
