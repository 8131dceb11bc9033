using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Security;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;

namespace Portal.Web.Features.Payments;

/// <summary>
/// A paid order that is cancelled (or comes back undelivered) starts the refund of everything still refundable, in
/// the same transaction, asked by whoever cancelled it; above the limit it waits for a second person like any refund.
/// </summary>
internal sealed class RefundOnCancel(PortalDbContext db, ICurrentUser user, IClock clock, IOptions<RefundOptions> options, OutboxWriter outbox)
    : INotificationHandler<DomainEventNotification<OrderCancelled>>, INotificationHandler<DomainEventNotification<OrderReturned>>
{
    public Task Handle(DomainEventNotification<OrderCancelled> notification, CancellationToken cancellationToken) =>
        notification.Event.RefundDue
            ? RefundAllAsync(notification.Event.OrderNumber, $"Order cancelled: {notification.Event.Reason}", cancellationToken)
            : Task.CompletedTask;

    public Task Handle(DomainEventNotification<OrderReturned> notification, CancellationToken cancellationToken) =>
        notification.Event.RefundDue ? RefundAllAsync(notification.Event.OrderNumber, "Order returned undelivered", cancellationToken) : Task.CompletedTask;

    private async Task RefundAllAsync(string orderNumber, string reason, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.Where(p => p.OrderNumber == orderNumber).ToListAsync(cancellationToken);
        foreach (var payment in payments.Where(p => p.Refundable > Domain.Shared.Money.Zero))
        {
            await RefundPayment.StartAsync(
                db, outbox, payment, Guid.NewGuid(), payment.Refundable, reason[..Math.Min(reason.Length, 500)], options.Value, user.Actor, clock.UtcNow,
                cancellationToken);
        }
    }
}
