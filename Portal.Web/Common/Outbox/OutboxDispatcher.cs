using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Common.Outbox;

/// <summary>
/// Delivers due outbox messages outside any request transaction. Each message is claimed by a conditional update
/// (token + expiry) before it is handled, so any number of nodes can run this and a message is handled by one at a
/// time; a node that dies mid-delivery loses its claim when it expires and another node retries the message.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> dbFactory,
    OutboxRegistry registry,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger,
    Telemetry.PortalMetrics metrics) : BackgroundService
{
    public static readonly System.Security.Claims.ClaimsPrincipal Principal = SystemPrincipal.For("outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox delivery pass failed");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: claims and delivers the messages due now; returns how many this node delivered or retried.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await Pending(db, now).OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
        }

        var handled = 0;
        foreach (var id in due)
        {
            var token = Guid.NewGuid();
            if (await TryClaim(id, token, cancellationToken))
            {
                await Deliver(id, token, cancellationToken);
                handled++;
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var backlog = await OutboxBacklog.MeasureAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
            metrics.OutboxBacklog(backlog.Depth, backlog.OldestAge);
        }

        return handled;
    }

    private static IQueryable<OutboxMessage> Pending(PortalDbContext db, DateTime now) =>
        db.OutboxMessages.Where(m => m.DeliveredAtUtc == null && m.AbandonedAtUtc == null && m.DueAtUtc <= now
            && (m.ClaimToken == null || m.ClaimedUntilUtc < now));

    /// <summary>The conditional update is the whole lock: of several nodes racing for a message, one changes the row.</summary>
    private async Task<bool> TryClaim(long id, Guid token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.ClaimDuration;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Pending(db, now).Where(m => m.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntilUtc, until).SetProperty(m => m.Attempts, m => m.Attempts + 1),
            cancellationToken);
        return rows == 1;
    }

    private async Task Deliver(long id, Guid token, CancellationToken cancellationToken)
    {
        OutboxMessage message;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        }

        var isLast = message.Attempts >= options.Value.MaxAttempts;
        try
        {
            var type = registry.TypeOf(message.Kind) ?? throw new InvalidOperationException($"No handler for outbox messages of kind {message.Kind}.");
            var payload = OutboxWriter.Deserialize(message.Payload, type) ?? throw new InvalidOperationException($"Outbox message {id} has no payload.");

            await using var scope = scopes.CreateAsyncScope();
            ((CurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>()).Set(Principal);
            var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
            delivery.Begin(id, token);
            var handler = scope.ServiceProvider.GetRequiredService(typeof(IOutboxHandler<>).MakeGenericType(type));
            var attempt = new OutboxAttempt(id, message.Attempts, isLast);
            await (Task)handler.GetType().GetMethod(nameof(IOutboxHandler<object>.HandleAsync))!.Invoke(handler, [payload, attempt, cancellationToken])!;

            // A handler that recorded its result through a command has already marked the message, in that transaction.
            if (!delivery.Completed)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await delivery.CompleteAsync(db, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claim expires and the message is tried again, by this node after a restart or by another.
            throw;
        }
        catch (OutboxClaimLostException ex)
        {
            logger.LogWarning(ex, "Outbox message {Id} was taken over by another node", id);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Outbox message {Id} ({Kind}) failed on attempt {Attempt}", id, message.Kind, message.Attempts);
            await Reschedule(id, token, isLast, ex, cancellationToken);
        }
    }

    private async Task Reschedule(long id, Guid token, bool abandon, Exception error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attempts = await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Attempts).SingleAsync(cancellationToken);
        var reason = $"{error.GetType().Name}: {error.Message}";
        reason = reason.Length > 1000 ? reason[..1000] : reason;
        await db.OutboxMessages
            .Where(m => m.Id == id && m.ClaimToken == token && m.DeliveredAtUtc == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ClaimToken, (Guid?)null)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, reason)
                    .SetProperty(m => m.DueAtUtc, now + OutboxOptions.BackOff(attempts))
                    .SetProperty(m => m.AbandonedAtUtc, abandon ? now : null),
                cancellationToken);
    }
}
