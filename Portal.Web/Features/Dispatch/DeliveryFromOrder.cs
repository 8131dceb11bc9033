using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Inventory;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

using Delivery = Portal.Domain.Dispatch.Delivery;

/// <summary>
/// An order that reaches ReadyForDispatch becomes a delivery waiting at the station, in the same transaction, with
/// its channel chosen by the rules. The units reserved for it are attached once the new delivery's own event comes
/// round: inventory reserves them on the same order event, after this handler may already have run.
/// </summary>
internal sealed class DeliveryFromOrder(PortalDbContext db, ICurrentUser user, IClock clock, IGeocoder geocoder)
    : INotificationHandler<DomainEventNotification<OrderStatusChanged>>, INotificationHandler<DomainEventNotification<DeliveryStatusChanged>>
{
    public async Task Handle(DomainEventNotification<OrderStatusChanged> notification, CancellationToken cancellationToken)
    {
        var changed = notification.Event;
        if (changed.ToStatus != OrderStatus.ReadyForDispatch
            || await Find(changed.OrderNumber, cancellationToken) is not null)
        {
            return;
        }

        var order = db.Orders.Local.FirstOrDefault(o => o.Number == changed.OrderNumber)
            ?? await db.Orders.SingleAsync(o => o.Number == changed.OrderNumber, cancellationToken);
        var zones = await db.Zones.ToListAsync(cancellationToken);
        var address = order.DeliveryAddress!;
        var zone = Zone.For(address, zones) ?? zones.Single(z => z.Code == DemoDispatch.CityZone);
        var delivery = Delivery.Create(
            order.Number,
            order.TrackingCode!,
            order.CustomerName,
            order.Phone,
            address,
            geocoder.Locate(address),
            zone,
            order.DeliveryWindow!,
            order.Lines.Where(l => l.RequiresShipping).Select(l => DeliveryItem.Create(l.Sku, l.Name, l.Kind, l.Quantity, [])),
            order.AmountToCollect,
            order.AmountToCollect == Money.Zero
                ? CollectionMethod.None
                : order.PaymentMethod == PaymentMethod.PosOnDelivery ? CollectionMethod.Pos : CollectionMethod.Cash,
            user.Actor,
            clock.UtcNow);
        var rules = await db.ChannelRules.ToListAsync(cancellationToken);
        var couriers = await db.Couriers.Where(c => c.IsActive).ToListAsync(cancellationToken);
        delivery.ChooseChannel(ChannelRules.Decide(rules, delivery, couriers));
        db.Deliveries.Add(delivery);
    }

    public async Task Handle(DomainEventNotification<DeliveryStatusChanged> notification, CancellationToken cancellationToken)
    {
        if (notification.Event.FromStatus is not null)
        {
            return;
        }

        var delivery = await Find(notification.Event.OrderNumber, cancellationToken);
        var reserved = await db.SerialUnits
            .Where(u => u.ReservedForOrder == notification.Event.OrderNumber && u.Status == SerialUnitStatus.Reserved)
            .Select(u => new { u.Sku, u.Serial })
            .ToListAsync(cancellationToken);
        foreach (var sku in reserved.GroupBy(u => u.Sku))
        {
            delivery!.ReserveSerials(sku.Key, sku.Select(u => u.Serial));
        }
    }

    private async Task<Delivery?> Find(string orderNumber, CancellationToken cancellationToken) =>
        db.Deliveries.Local.FirstOrDefault(d => d.OrderNumber == orderNumber)
        ?? await db.Deliveries.FirstOrDefaultAsync(d => d.OrderNumber == orderNumber, cancellationToken);
}
