using MediatR;
using Portal.Domain.Orders;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;

namespace Portal.Web.Features.Payments;

/// <summary>
/// An order delivered or completed earns its revenue, in the same transaction: what was received for it moves
/// from the contract liability to revenue, once (docs/adr/0013-revenue-recognition.md).
/// </summary>
internal sealed class RecogniseRevenue(PortalDbContext db) : INotificationHandler<DomainEventNotification<OrderStatusChanged>>
{
    public async Task Handle(DomainEventNotification<OrderStatusChanged> notification, CancellationToken cancellationToken)
    {
        var changed = notification.Event;
        if (changed.ToStatus is OrderStatus.Delivered or OrderStatus.Completed)
        {
            await db.RecogniseRevenueAsync(changed.OrderNumber, changed.Actor, changed.OccurredAtUtc, cancellationToken);
        }
    }
}
