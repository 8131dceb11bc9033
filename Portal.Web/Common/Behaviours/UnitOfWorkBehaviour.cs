using MediatR;
using Portal.Domain.Common;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Outbox;
using Portal.Web.Common.Telemetry;

namespace Portal.Web.Common.Behaviours;

/// <summary>Marks a request that changes state: it runs in one transaction with its domain events.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>
/// Innermost: wraps a command in a transaction, saves, dispatches the domain events raised so far inside the same
/// transaction, then commits. On SQLite the transaction is a seat in a group commit (<see cref="SqliteGroupCommit"/>):
/// commands that arrive together run one after another in one immediate transaction, each in its own savepoint,
/// and are answered once the group has committed. Queries pass straight through. Re-entrant: a command sent while
/// one is running in this flow (from a domain-event handler, or a worker step) joins the running transaction instead
/// of waiting for the turn it holds. When the database says the outermost transaction lost a race (a row version
/// changed, a unique key was taken first, a deadlock), or its group did not commit, the whole command runs again on
/// fresh data, a bounded number of times.
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(
    PortalDbContext db, IMediator mediator, SqliteGroupCommit writes, IServiceProvider scope, OutboxDelivery delivery, OutboxSignal outboxSignal,
    PortalMetrics metrics)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const int MaxAttempts = 6;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        if (db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        // A failed SaveChanges fails the whole command, which rolls back as one (its savepoint or transaction): the
        // savepoint EF Core would wrap around every SaveChanges is two round trips that buy nothing here.
        db.Database.AutoSavepointsEnabled = false;
        for (var attempt = 1; ; attempt++)
        {
            List<(Entity, IDomainEvent)> committed = [];
            IWriteUnit unit;
            using (PortalMetrics.Activities.StartActivity("turn"))
            {
                unit = await writes.BeginAsync(db, cancellationToken);
            }

            await using (unit)
            {
                try
                {
                    TResponse response;
                    using (AmbientUnitOfWork.Enter(scope))
                    {
                        using (PortalMetrics.Activities.StartActivity("handle"))
                        {
                            response = await next();
                        }

                        using (PortalMetrics.Activities.StartActivity("save"))
                        {
                            await db.SaveChangesAsync(cancellationToken);
                            await DispatchDomainEvents(committed, cancellationToken);
                            await delivery.CompleteAsync(db, cancellationToken);
                        }
                    }

                    using (PortalMetrics.Activities.StartActivity("commit"))
                    {
                        await unit.CommitAsync(cancellationToken);
                    }

                    metrics.Committed(committed);
                    if (db.ChangeTracker.Entries<OutboxMessage>().Any())
                    {
                        outboxSignal.Notify();
                    }

                    return response;
                }
                catch (Exception ex) when (attempt < MaxAttempts && (WriteConflicts.IsRetryable(ex) || ex is GroupCommitFailedException))
                {
                    await unit.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
            }

            // Spread the retries so the losers of one race do not collide again in lockstep.
            await Task.Delay(Random.Shared.Next(5, 20) * attempt, cancellationToken);
        }
    }

    private async Task DispatchDomainEvents(List<(Entity, IDomainEvent)> dispatched, CancellationToken cancellationToken)
    {
        // Handlers of one event may raise more; keep going until the change tracker is quiet.
        while (true)
        {
            var entities = db.ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
            if (entities.Count == 0)
            {
                return;
            }

            var raised = entities.SelectMany(e => e.DomainEvents.Select(ev => (e, ev))).ToList();
            dispatched.AddRange(raised);
            var events = raised.Select(r => r.ev).ToList();
            entities.ForEach(e => e.ClearDomainEvents());
            foreach (var domainEvent in events)
            {
                var notification = (INotification)Activator.CreateInstance(typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
                await mediator.Publish(notification, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>
/// The DI scope whose transaction is open in this async flow. <see cref="ScopedSender"/> sends nested requests
/// through it, so they share the connection and transaction rather than opening a second one behind the gate.
/// </summary>
public static class AmbientUnitOfWork
{
    private static readonly AsyncLocal<IServiceProvider?> CurrentScope = new();

    public static IServiceProvider? Current => CurrentScope.Value;

    public static IDisposable Enter(IServiceProvider scope)
    {
        var previous = CurrentScope.Value;
        CurrentScope.Value = scope;
        return new Exit(previous);
    }

    private sealed class Exit(IServiceProvider? previous) : IDisposable
    {
        public void Dispose() => CurrentScope.Value = previous;
    }
}

/// <summary>Carries a domain event to MediatR notification handlers without the domain knowing MediatR.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent Event) : INotification where TEvent : IDomainEvent;
