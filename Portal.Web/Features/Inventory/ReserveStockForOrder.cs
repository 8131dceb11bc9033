using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Inventory;
using Portal.Domain.Orders;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.ReferenceData;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Inventory;

/// <summary>
/// When a pre-order is placed its goods are reserved, inside the same transaction: if any line cannot be covered the
/// whole order fails and nothing is reserved. Serial-tracked goods also reserve specific units (IMEI / ICCID).
/// </summary>
internal sealed class ReserveStockForOrder(PortalDbContext db, ICurrentUser user, IClock clock, ReferenceDataCache referenceData)
    : INotificationHandler<DomainEventNotification<OrderPlaced>>
{
    public async Task Handle(DomainEventNotification<OrderPlaced> notification, CancellationToken cancellationToken)
    {
        var placed = notification.Event;
        if (placed.Flow != OrderFlow.PreOrderDelivery)
        {
            return;
        }

        var order = db.Orders.Local.Single(o => o.Number == placed.OrderNumber);
        var shipped = placed.Lines.Where(l => l.Kind is not (Domain.Catalog.ProductKind.Plan or Domain.Catalog.ProductKind.AddOn)).ToList();
        var skus = shipped.Select(l => l.Sku).ToList();
        var locations = (await referenceData.CurrentAsync(db, cancellationToken)).LocationsById;
        await db.LockStockAsync(skus, cancellationToken);
        var stock = await db.StockItems.Where(s => skus.Contains(s.Sku)).ToListAsync(cancellationToken);

        foreach (var line in shipped)
        {
            var candidates = stock.Where(s => s.Sku == line.Sku).Select(s => new StockAllocation.Candidate(s, locations[s.LocationId]));
            foreach (var allocation in StockAllocation.Allocate(line.Sku, line.Quantity, candidates, order.DeliveryAddress?.District))
            {
                allocation.Item.Reserve(allocation.Quantity);
                db.StockMovements.Add(StockMovement.Record(
                    line.Sku, allocation.Location.Id, StockMovementKind.Reserved, allocation.Quantity, order.Number, user.Actor, clock.UtcNow));
                if (line.Kind is Domain.Catalog.ProductKind.Handset or Domain.Catalog.ProductKind.Sim)
                {
                    await ReserveSerials(line.Sku, allocation.Location.Id, allocation.Quantity, order.Number, cancellationToken);
                }
            }
        }
    }

    private async Task ReserveSerials(string sku, long locationId, int quantity, string orderNumber, CancellationToken cancellationToken)
    {
        var units = await db.SerialUnits
            .Where(u => u.Sku == sku && u.LocationId == locationId && u.Status == SerialUnitStatus.Available)
            .OrderBy(u => u.Id)
            .Take(quantity)
            .ToListAsync(cancellationToken);
        if (units.Count < quantity)
        {
            // Counts and serials disagree: refuse rather than promise goods that cannot be identified.
            throw new DomainException("stock.insufficient", $"Only {units.Count} identifiable units of {sku} at this location; {quantity} needed");
        }

        units.ForEach(u => u.Reserve(orderNumber));
    }
}

/// <summary>A cancelled order, or goods that came back, return what the order had reserved.</summary>
internal sealed class ReleaseStockOfOrder(PortalDbContext db, ICurrentUser user, IClock clock)
    : INotificationHandler<DomainEventNotification<OrderCancelled>>, INotificationHandler<DomainEventNotification<OrderReturned>>
{
    public Task Handle(DomainEventNotification<OrderCancelled> notification, CancellationToken cancellationToken) =>
        Release(notification.Event.OrderNumber, cancellationToken);

    public Task Handle(DomainEventNotification<OrderReturned> notification, CancellationToken cancellationToken) =>
        Release(notification.Event.OrderNumber, cancellationToken);

    private async Task Release(string orderNumber, CancellationToken cancellationToken)
    {
        // What is still reserved per location is what the movement log says was reserved minus released for this order.
        var held = await db.StockMovements
            .Where(m => m.Reference == orderNumber && (m.Kind == StockMovementKind.Reserved || m.Kind == StockMovementKind.Released))
            .GroupBy(m => new { m.Sku, m.LocationId })
            .Select(g => new { g.Key.Sku, g.Key.LocationId, Quantity = -g.Sum(m => m.QuantityDelta) })
            .Where(h => h.Quantity > 0)
            .ToListAsync(cancellationToken);

        foreach (var hold in held)
        {
            var item = await db.StockItems.SingleAsync(s => s.Sku == hold.Sku && s.LocationId == hold.LocationId, cancellationToken);
            item.Release(hold.Quantity);
            db.StockMovements.Add(StockMovement.Record(hold.Sku, hold.LocationId, StockMovementKind.Released, hold.Quantity, orderNumber, user.Actor, clock.UtcNow));
        }

        var units = await db.SerialUnits.Where(u => u.ReservedForOrder == orderNumber && u.Status == SerialUnitStatus.Reserved).ToListAsync(cancellationToken);
        units.ForEach(u => u.Release());
    }
}
