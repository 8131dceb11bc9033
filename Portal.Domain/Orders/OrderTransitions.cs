using static Portal.Domain.Orders.OrderStatus;

namespace Portal.Domain.Orders;

/// <summary>Every legal status move, per flow, in one place. Anything not listed is refused.</summary>
public static class OrderTransitions
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Direct = new()
    {
        [Draft] = [Submitted, Cancelled],
        [Submitted] = [Completed, ProvisioningFailed, Cancelled],
    };

    private static readonly Dictionary<OrderStatus, OrderStatus[]> Delivery = new()
    {
        [Draft] = [Submitted, Cancelled],
        [Submitted] = [AwaitingPayment, ReadyForDispatch, Cancelled],
        [AwaitingPayment] = [ReadyForDispatch, Cancelled],
        [ReadyForDispatch] = [Assigned, Cancelled],
        [Assigned] = [ReadyForDispatch, OutForDelivery, Cancelled],
        [OutForDelivery] = [Delivered, FailedAttempt],
        [Delivered] = [Completed],
        [FailedAttempt] = [Rescheduled, Returned, Cancelled],
        [Rescheduled] = [Assigned, Cancelled],
    };

    public static bool IsAllowed(OrderFlow flow, OrderStatus from, OrderStatus to) =>
        (flow == OrderFlow.Direct ? Direct : Delivery).TryGetValue(from, out var targets) && targets.Contains(to);
}
