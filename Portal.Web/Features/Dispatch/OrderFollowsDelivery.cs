using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Inventory;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;

namespace Portal.Web.Features.Dispatch;

/// <summary>
/// Keeps the order's status in step with its delivery, in the same transaction. The courier company may jump
/// steps (Delivered straight after Assigned), so the order is walked through the steps it missed.
/// </summary>
internal sealed class OrderFollowsDelivery(PortalDbContext db, IClock clock)
    : INotificationHandler<DomainEventNotification<DeliveryAssigned>>,
      INotificationHandler<DomainEventNotification<DeliveryStatusChanged>>,
      INotificationHandler<DomainEventNotification<DeliveryRescheduled>>,
      INotificationHandler<DomainEventNotification<DeliveryHandedOver>>,
      INotificationHandler<DomainEventNotification<DeliveryIdentityChecked>>,
      INotificationHandler<DomainEventNotification<DeliverySerialSwapped>>
{
    public async Task Handle(DomainEventNotification<DeliveryAssigned> notification, CancellationToken cancellationToken)
    {
        var assigned = notification.Event;
        var order = await Order(assigned.OrderNumber, cancellationToken);
        var courier = await db.Couriers.SingleAsync(c => c.Id == assigned.CourierId, cancellationToken);
        order.Assign(courier.Name, assigned.Actor, clock.UtcNow);
    }

    public async Task Handle(DomainEventNotification<DeliveryStatusChanged> notification, CancellationToken cancellationToken)
    {
        var changed = notification.Event;
        if (changed.FromStatus is null || changed.ToStatus is DeliveryStatus.Assigned or DeliveryStatus.Delivered or DeliveryStatus.Rescheduled)
        {
            return; // created, or carried by the richer events handled below
        }

        var order = await Order(changed.OrderNumber, cancellationToken);
        var now = clock.UtcNow;
        switch (changed.ToStatus)
        {
            case DeliveryStatus.Waiting when order.Status == OrderStatus.Assigned:
                order.Unassign(changed.Actor, now, changed.Note ?? "Taken off the run");
                break;
            case DeliveryStatus.OutForDelivery:
                StartIfAssigned(order, changed.Actor, now);
                break;
            case DeliveryStatus.FailedAttempt:
                StartIfAssigned(order, changed.Actor, now);
                order.RecordFailedAttempt(changed.Note ?? "Delivery attempt failed", changed.Actor, now);
                break;
            case DeliveryStatus.Returned:
                StartIfAssigned(order, changed.Actor, now);
                if (order.Status == OrderStatus.OutForDelivery)
                {
                    order.RecordFailedAttempt(changed.Note ?? "Returned by the courier", changed.Actor, now);
                }

                order.Return(changed.Actor, now, changed.Note);
                break;
        }
    }

    public async Task Handle(DomainEventNotification<DeliveryRescheduled> notification, CancellationToken cancellationToken)
    {
        var rescheduled = notification.Event;
        var order = await Order(rescheduled.OrderNumber, cancellationToken);
        if (order.Status == OrderStatus.FailedAttempt)
        {
            order.Reschedule(rescheduled.Window, "dispatch", clock.UtcNow);
        }
        else
        {
            order.ChangeWindowBeforeDispatch(rescheduled.Window, "customer", clock.UtcNow);
        }
    }

    public async Task Handle(DomainEventNotification<DeliveryHandedOver> notification, CancellationToken cancellationToken)
    {
        var handedOver = notification.Event;
        var order = await Order(handedOver.OrderNumber, cancellationToken);
        var delivery = await db.Deliveries.SingleAsync(d => d.OrderNumber == handedOver.OrderNumber, cancellationToken);
        var actor = handedOver.ByCourierCompany ? "courier company" : "courier";
        var now = clock.UtcNow;
        if (order.Status == OrderStatus.FailedAttempt)
        {
            // The company delivered on a later attempt of its own.
            order.Reschedule(DeliveryWindow.Create(ChinaTime.Today(now), delivery.Window.From, delivery.Window.To), actor, now, "Attempted again by the courier company");
            order.Assign(order.Courier ?? "courier company", actor, now);
        }

        StartIfAssigned(order, actor, now);
        if (handedOver.ByCourierCompany && handedOver.AmountCollected > Money.Zero)
        {
            // The company collected cash at the door and settles it with us; the order is paid from now on.
            var key = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"carrier-cash:{order.Number}")).AsSpan(0, 16));
            await Payments.DoorPayments.Record(
                db, Domain.Payments.Payment.CollectCash(key, order.Number, handedOver.AmountCollected, handedOver.AmountCollected, actor, now), actor, now, cancellationToken);
        }

        foreach (var serial in handedOver.Serials.Where(s => !order.Lines.Any(l => l.Sku == s.Sku && l.Serials.Contains(s.Serial))))
        {
            order.RecordSerial(serial.Sku, serial.Serial);
        }

        var verifiedId = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.IdNumber).SingleAsync(cancellationToken);
        order.MarkDelivered(actor, now, verifiedId);

        var serials = handedOver.Serials.Select(s => s.Serial).ToList();
        var units = await db.SerialUnits.Where(u => serials.Contains(u.Serial) && u.Status == SerialUnitStatus.Reserved).ToListAsync(cancellationToken);
        units.ForEach(u => u.MarkSold());
    }

    /// <summary>A customer with no ID on file gets the one the courier checked (real-name registration).</summary>
    public async Task Handle(DomainEventNotification<DeliveryIdentityChecked> notification, CancellationToken cancellationToken)
    {
        if (notification.Event.ResidentId is not { } presented)
        {
            return;
        }

        var order = await Order(notification.Event.OrderNumber, cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == order.CustomerId, cancellationToken);
        customer.RecordIdNumber(presented);
    }

    /// <summary>The courier handed over another free unit of the same model: the reservation moves with it.</summary>
    public async Task Handle(DomainEventNotification<DeliverySerialSwapped> notification, CancellationToken cancellationToken)
    {
        var swap = notification.Event;
        var released = await db.SerialUnits.SingleAsync(u => u.Serial == swap.ReleasedSerial && u.Sku == swap.Sku, cancellationToken);
        var taken = await db.SerialUnits.SingleAsync(u => u.Serial == swap.TakenSerial && u.Sku == swap.Sku, cancellationToken);
        released.Release();
        taken.Reserve(swap.OrderNumber);
    }

    private static void StartIfAssigned(Order order, string actor, DateTime nowUtc)
    {
        if (order.Status == OrderStatus.Assigned)
        {
            order.StartDelivery(actor, nowUtc);
        }
    }

    private async Task<Order> Order(string number, CancellationToken cancellationToken) =>
        db.Orders.Local.FirstOrDefault(o => o.Number == number) ?? await db.Orders.SingleAsync(o => o.Number == number, cancellationToken);
}
