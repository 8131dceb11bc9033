using Portal.Domain.Orders;
using static Portal.Domain.Orders.OrderStatus;

namespace Portal.Tests.Domain.Orders;

public class OrderTransitionsTests
{
    [Theory]
    [InlineData(Draft)]
    [InlineData(Submitted)]
    [InlineData(AwaitingPayment)]
    [InlineData(ReadyForDispatch)]
    [InlineData(Assigned)]
    [InlineData(Rescheduled)]
    [InlineData(FailedAttempt)]
    public void Delivery_orders_can_be_cancelled_before_they_are_with_the_customer(OrderStatus from) =>
        Assert.True(OrderTransitions.IsAllowed(OrderFlow.PreOrderDelivery, from, Cancelled));

    [Theory]
    [InlineData(OutForDelivery)]
    [InlineData(Delivered)]
    [InlineData(Completed)]
    [InlineData(Returned)]
    [InlineData(Cancelled)]
    public void Delivery_orders_cannot_be_cancelled_once_out_or_finished(OrderStatus from) =>
        Assert.False(OrderTransitions.IsAllowed(OrderFlow.PreOrderDelivery, from, Cancelled));

    [Theory]
    [InlineData(Completed)]
    [InlineData(Returned)]
    [InlineData(Cancelled)]
    [InlineData(ProvisioningFailed)]
    public void Final_states_lead_nowhere(OrderStatus final) =>
        Assert.All(Enum.GetValues<OrderStatus>(), to =>
        {
            Assert.False(OrderTransitions.IsAllowed(OrderFlow.PreOrderDelivery, final, to));
            Assert.False(OrderTransitions.IsAllowed(OrderFlow.Direct, final, to));
        });
}
