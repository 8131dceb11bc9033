using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Orders;

public class OrderPlacementTests
{
    private const string Number = "SO202506010001";

    private static Policy Discount(decimal amount, PolicyEligibility? eligibility = null) => Policy.Create(
        "DISC", "立减", "script", eligibility ?? PolicyEligibility.Anyone, PolicyEffect.Discount(Money.Yuan(amount)));

    private static Policy Prestore168For504() => Policy.Create(
        "PRE-168", "预存 168 得 504", "script", PolicyEligibility.Anyone, PolicyEffect.Prestore(Money.Yuan(168), Money.Yuan(504)));

    private static Order PreOrder(
        PaymentMethod payment = PaymentMethod.CashOnDelivery, Policy? policy = null, params CartItem[] items) =>
        Order.PlacePreOrder(
            Number,
            Buyer(),
            items.Length > 0 ? items : [new CartItem(Phone5G(), 1)],
            payment,
            Home,
            Tomorrow(),
            policy,
            Rep,
            Now);

    private static Order Direct(PaymentMethod payment = PaymentMethod.BillToAccount, Policy? policy = null, CustomerProfile? profile = null) =>
        Order.PlaceDirect(Number, Buyer(profile), [new CartItem(DataPack(), 2)], payment, policy, Rep, Now);

    [Fact]
    public void A_direct_order_is_submitted_and_billed_to_the_account()
    {
        var order = Direct();

        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(PaymentStatus.Unpaid, order.PaymentStatus);
        Assert.Equal(Money.Yuan(60), order.Total);
        Assert.Null(order.TrackingCode);
        Assert.Equal([(null, OrderStatus.Draft), (OrderStatus.Draft, OrderStatus.Submitted)],
            order.Timeline.Select(e => (e.FromStatus, e.ToStatus)));
    }

    [Fact]
    public void A_direct_order_refuses_anything_that_must_be_shipped()
    {
        var ex = Throws(
            () => Order.PlaceDirect(Number, Buyer(), [new CartItem(Plan96(), 1), new CartItem(SimCard(), 1)],
                PaymentMethod.BillToAccount, null, Rep, Now),
            "order.direct_cannot_ship");
        Assert.Contains("标准 SIM 卡", ex.Message);
    }

    [Theory]
    [InlineData(PaymentMethod.CashOnDelivery)]
    [InlineData(PaymentMethod.PosOnDelivery)]
    public void A_direct_order_cannot_be_paid_at_the_door(PaymentMethod payment) =>
        Throws(() => Direct(payment), "order.payment_method_not_allowed");

    [Fact]
    public void A_pre_order_cannot_be_billed_to_the_account() =>
        Throws(() => PreOrder(PaymentMethod.BillToAccount), "order.payment_method_not_allowed");

    [Fact]
    public void A_cash_pre_order_goes_straight_to_dispatch_with_the_total_to_collect()
    {
        var order = PreOrder(PaymentMethod.CashOnDelivery, null, new CartItem(Phone5G(), 1), new CartItem(Case(), 2));

        Assert.Equal(OrderStatus.ReadyForDispatch, order.Status);
        Assert.Equal(PaymentStatus.Unpaid, order.PaymentStatus);
        Assert.Equal(Money.Yuan(3097), order.Total);
        Assert.Equal(order.Total, order.AmountToCollect);
        Assert.True(TrackingCode.IsWellFormed(order.TrackingCode!.Value));
        Assert.Equal([OrderStatus.Draft, OrderStatus.Submitted, OrderStatus.ReadyForDispatch], order.Timeline.Select(e => e.ToStatus));
    }

    [Fact]
    public void An_online_pre_order_waits_for_payment_and_collects_nothing_at_the_door()
    {
        var order = PreOrder(PaymentMethod.Online);

        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
        Assert.Equal(PaymentStatus.Unpaid, order.PaymentStatus);
        Assert.Equal(Money.Zero, order.AmountToCollect);
    }

    [Fact]
    public void A_pre_order_needs_something_to_deliver() =>
        Throws(() => PreOrder(items: new CartItem(Plan96(), 1)), "order.nothing_to_ship");

    [Fact]
    public void A_pre_order_refuses_a_delivery_window_in_the_past() =>
        Throws(
            () => Order.PlacePreOrder(Number, Buyer(), [new CartItem(SimCard(), 1)], PaymentMethod.Online, Home,
                DeliveryWindow.Parse(new DateOnly(2025, 5, 31), "14:00-18:00"), null, Rep, Now),
            "order.window_in_past");

    [Fact]
    public void Refuses_an_empty_order() =>
        Throws(() => Order.PlaceDirect(Number, Buyer(), [], PaymentMethod.BillToAccount, null, Rep, Now), "order.empty");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Refuses_a_line_without_a_positive_quantity(int quantity) =>
        Throws(() => PreOrder(items: new CartItem(Phone5G(), quantity)), "order.invalid_quantity");

    [Fact]
    public void Refuses_the_same_sku_on_two_lines() =>
        Throws(() => PreOrder(items: [new CartItem(Case(), 1), new CartItem(Case(), 1)]), "order.duplicate_line");

    [Fact]
    public void Refuses_a_product_that_is_no_longer_sold()
    {
        var retired = Phone5G();
        retired.Deactivate();
        Throws(() => PreOrder(items: new CartItem(retired, 1)), "order.product_inactive");
    }

    [Theory]
    [InlineData("SO12345")]
    [InlineData("XX202506010001")]
    [InlineData("so202506010001")]
    public void Refuses_a_malformed_order_number(string number) =>
        Throws(
            () => Order.PlaceDirect(number, Buyer(), [new CartItem(DataPack(), 1)], PaymentMethod.BillToAccount, null, Rep, Now),
            "order.invalid_number");

    [Fact]
    public void Lines_keep_the_price_at_the_time_of_the_order()
    {
        var handset = Phone5G();
        var order = PreOrder(items: new CartItem(handset, 2));
        handset.ChangePrice(Money.Yuan(1999), Now);

        var line = Assert.Single(order.Lines);
        Assert.Equal((Money.Yuan(2999), Money.Yuan(5998)), (line.UnitPrice, line.LineTotal));
        Assert.Equal(Money.Yuan(5998), order.GoodsTotal);
    }

    [Fact]
    public void A_discount_policy_reduces_the_total()
    {
        var order = PreOrder(policy: Discount(500));

        Assert.Equal("DISC", order.PolicyCode);
        Assert.Equal((Money.Yuan(2999), Money.Yuan(500), Money.Yuan(2499)), (order.GoodsTotal, order.Discount, order.Total));
    }

    [Fact]
    public void A_discount_never_makes_the_total_negative()
    {
        var order = PreOrder(policy: Discount(100), items: new CartItem(Case(), 1));

        Assert.Equal(Money.Yuan(49), order.Discount);
        Assert.Equal(Money.Zero, order.Total);
    }

    [Fact]
    public void A_prestore_is_added_to_what_the_customer_pays_now_and_the_credit_is_recorded()
    {
        var order = PreOrder(PaymentMethod.CashOnDelivery, Prestore168For504());

        Assert.Equal(Money.Yuan(168), order.PrestoreAmount);
        Assert.Equal(Money.Yuan(504), order.PrestoreCredit);
        Assert.Equal(Money.Yuan(3167), order.Total);
        Assert.Equal(Money.Yuan(3167), order.AmountToCollect);
    }

    [Fact]
    public void An_ineligible_policy_is_refused_with_its_reason()
    {
        var vipOnly = Discount(10, PolicyEligibility.Create(allowedTiers: [CustomerTier.Vip]));

        var ex = Throws(() => Direct(policy: vipOnly, profile: Profile(58)), "policy.ineligible");
        Assert.Contains("Only for VIP customers", ex.Message);
    }

    [Fact]
    public void Placing_raises_one_status_event_per_step_and_an_order_placed_event_with_the_lines()
    {
        var order = PreOrder(items: [new CartItem(Phone5G(), 1), new CartItem(SimCard(), 2)]);

        Assert.Equal(3, order.DomainEvents.OfType<OrderStatusChanged>().Count());
        var placed = Assert.Single(order.DomainEvents.OfType<OrderPlaced>());
        Assert.Equal([("HS-X1-128", 1), ("SIM-STD", 2)], placed.Lines.Select(l => (l.Sku, l.Quantity)));
    }
}
