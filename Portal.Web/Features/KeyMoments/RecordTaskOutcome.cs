using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.KeyMoments;
using Portal.Domain.Orders;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.KeyMoments;

/// <summary>What the customer said on the call. Ordered is recorded by placing the order, not here.</summary>
public static class RecordTaskOutcome
{
    [AuthorizeRequest(Roles.Rep)]
    public sealed record Command(long TaskId, OfferOutcomeKind Outcome, string? Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).IsInEnum().NotEqual(OfferOutcomeKind.Ordered).WithMessage("An order is recorded by placing it.");
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Outcome == OfferOutcomeKind.Declined).WithMessage("Say why the customer declined.");
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var task = await db.RepTasks.FirstOrDefaultAsync(t => t.Id == request.TaskId, cancellationToken)
                ?? throw new NotFoundException($"Task {request.TaskId}");
            task.RecordOutcome(user.Actor, request.Outcome, request.Reason, null, clock.UtcNow);
            return Unit.Value;
        }
    }
}

/// <summary>Every outcome is written once per offer, where the queue, the order page and other channels read it.</summary>
internal sealed class OutcomesAreShared(PortalDbContext db) : INotificationHandler<DomainEventNotification<RepTaskOutcomeRecorded>>
{
    public Task Handle(DomainEventNotification<RepTaskOutcomeRecorded> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        foreach (var code in e.OfferCodes)
        {
            db.OfferOutcomes.Add(OfferOutcome.Record(e.Phone, e.CustomerId, code, e.Outcome, e.Reason, e.TaskId, e.By, e.OccurredAtUtc));
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// An order placed (direct or with delivery) by the rep working a task for that customer closes the task as ordered,
/// in the same transaction as the order.
/// </summary>
internal sealed class TaskClosesWhenOrdered(PortalDbContext db) : INotificationHandler<DomainEventNotification<OrderPlaced>>
{
    public async Task Handle(DomainEventNotification<OrderPlaced> notification, CancellationToken cancellationToken)
    {
        var placed = notification.Event;
        if (placed.Flow == OrderFlow.Appointment)
        {
            return;
        }

        // The order was placed in this unit of work, so it is tracked already: no need to read it back.
        var order = db.Orders.Local.FirstOrDefault(o => o.Number == placed.OrderNumber) is { } tracked
            ? new { tracked.CustomerId, tracked.CreatedBy }
            : await db.Orders.AsNoTracking().Where(o => o.Number == placed.OrderNumber)
                .Select(o => new { o.CustomerId, o.CreatedBy })
                .SingleAsync(cancellationToken);
        var tasks = await db.RepTasks
            .Where(t => t.CustomerId == order.CustomerId && t.Status == RepTaskStatus.Claimed && t.ClaimedBy == order.CreatedBy)
            .ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            task.RecordOutcome(order.CreatedBy, OfferOutcomeKind.Ordered, null, placed.OrderNumber, placed.OccurredAtUtc);
        }
    }
}
