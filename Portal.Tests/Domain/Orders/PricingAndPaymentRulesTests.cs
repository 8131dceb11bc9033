using Portal.Domain.Catalog;
using Portal.Domain.Orders;
using Portal.Domain.Shared;

namespace Portal.Tests.Domain.Orders;

/// <summary>The rules the order, the order form and the API share: what an order costs, how it may be paid, what each flow sells.</summary>
public sealed class PricingAndPaymentRulesTests
{
    [Fact]
    public void A_discount_comes_off_the_goods_but_never_below_zero()
    {
        var price = OrderPrice.Of(Money.Yuan(80m), PolicyEffect.Discount(Money.Yuan(100m)), PaymentMethod.Online);

        Assert.Equal(Money.Yuan(80m), price.Discount);
        Assert.Equal(Money.Zero, price.Total);
    }

    [Fact]
    public void A_prestore_offer_adds_the_prestore_to_the_total_and_records_the_credit()
    {
        var price = OrderPrice.Of(Money.Yuan(1999m), PolicyEffect.Prestore(Money.Yuan(300m), Money.Yuan(600m)), PaymentMethod.CashOnDelivery);

        Assert.Equal(Money.Yuan(2299m), price.Total);
        Assert.Equal(Money.Yuan(600m), price.Credit);
        Assert.Equal(Money.Yuan(2299m), price.AmountToCollect);
    }

    [Theory]
    [InlineData(PaymentMethod.CashOnDelivery, 128)]
    [InlineData(PaymentMethod.PosOnDelivery, 128)]
    [InlineData(PaymentMethod.Online, 0)]
    [InlineData(PaymentMethod.BillToAccount, 0)]
    public void The_courier_collects_the_total_only_for_payment_at_the_door(PaymentMethod method, decimal collected)
    {
        Assert.Equal(Money.Yuan(collected), OrderPrice.Of(Money.Yuan(128m), null, method).AmountToCollect);
    }

    [Fact]
    public void A_direct_order_is_billed_or_paid_online_and_a_pre_order_is_never_billed()
    {
        Assert.Equal([PaymentMethod.BillToAccount, PaymentMethod.Online], PaymentRules.AllowedFor(OrderFlow.Direct));
        Assert.Equal([PaymentMethod.CashOnDelivery, PaymentMethod.PosOnDelivery, PaymentMethod.Online], PaymentRules.AllowedFor(OrderFlow.PreOrderDelivery));
        Assert.Empty(PaymentRules.AllowedFor(OrderFlow.Appointment));
        Assert.False(PaymentRules.Allows(OrderFlow.PreOrderDelivery, PaymentMethod.BillToAccount));
        Assert.False(PaymentRules.Allows(OrderFlow.Direct, PaymentMethod.CashOnDelivery));
    }

    [Theory]
    [InlineData(ProductKind.Plan, false, false, true, false)]
    [InlineData(ProductKind.AddOn, false, false, false, false)]
    [InlineData(ProductKind.Handset, true, true, false, true)]
    [InlineData(ProductKind.Sim, true, true, false, true)]
    [InlineData(ProductKind.Accessory, true, false, false, true)]
    public void Each_kind_says_whether_it_is_stocked_serial_tracked_monthly_and_sold_on_a_delivery(
        ProductKind kind, bool stocked, bool serialTracked, bool monthly, bool shipped)
    {
        Assert.Equal(stocked, kind.IsStocked());
        Assert.Equal(serialTracked, kind.IsSerialTracked());
        Assert.Equal(monthly, kind.IsMonthly());
        Assert.Equal(shipped, kind.RequiresShipping());
        Assert.Equal(!shipped, FlowRules.Sells(OrderFlow.Direct, kind));
        Assert.Equal(kind != ProductKind.AddOn, FlowRules.Sells(OrderFlow.PreOrderDelivery, kind));
    }
}
