using Portal.Domain.Catalog;
using Portal.Domain.Orders;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Orders;

public class DirectOrderTests
{
    private static Order Direct(PaymentMethod payment = PaymentMethod.BillToAccount) =>
        Order.PlaceDirect("SO202506010002", Buyer(), [new CartItem(Plan96(), 1)], payment, null, Rep, Now);

    [Fact]
    public void Completes_when_provisioning_succeeds()
    {
        var order = Direct();
        order.MarkProvisioned("bss", Now);

        Assert.Equal(OrderStatus.Completed, order.Status);
        Throws(() => order.MarkProvisioningFailed("bss", Now, "late error"), "order.invalid_transition");
    }

    [Fact]
    public void Keeps_the_bss_error_when_provisioning_fails()
    {
        var order = Direct();
        order.MarkProvisioningFailed("bss", Now, "BSS-1043: plan not available in this region");

        Assert.Equal(OrderStatus.ProvisioningFailed, order.Status);
        Assert.Equal("BSS-1043: plan not available in this region", order.Timeline[^1].Reason);
    }

    [Fact]
    public void An_online_direct_order_is_provisioned_only_after_payment()
    {
        var order = Direct(PaymentMethod.Online);
        Throws(() => order.MarkProvisioned("bss", Now), "order.payment_outstanding");

        PayInFull(order);
        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(OrderStatus.Submitted, order.Timeline[^1].ToStatus);
        Assert.Equal("Payment Paid: ¥96.00 captured, ¥0.00 refunded", order.Timeline[^1].Reason);

        order.MarkProvisioned("bss", Now);
        Assert.Equal(OrderStatus.Completed, order.Status);
    }

    [Fact]
    public void Direct_orders_never_enter_the_delivery_states()
    {
        var order = Direct();
        Throws(() => order.Assign("courier.wang", "dispatcher", Now), "order.invalid_transition");
        Throws(() => order.Complete("system", Now), "order.invalid_transition");
    }

    [Fact]
    public void Provisioning_outcomes_are_refused_for_delivery_orders()
    {
        var order = Order.PlacePreOrder("SO202506010003", Buyer(), [new CartItem(Case(), 1)], PaymentMethod.CashOnDelivery,
            Home, Tomorrow(), null, Rep, Now);
        Throws(() => order.MarkProvisioned("bss", Now), "order.invalid_transition");
    }
}
