using Portal.Domain.Catalog;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Orders;

public class OrderLifecycleTests
{
    private const string Courier = "courier.wang";
    private static readonly ResidentId CheckedId = ResidentId.Parse("11010519491231002X");

    private static Order PreOrder(PaymentMethod payment = PaymentMethod.CashOnDelivery, params CartItem[] items) =>
        Order.PlacePreOrder(
            "SO202506010001",
            Buyer(),
            items.Length > 0 ? items : [new CartItem(Case(), 1)],
            payment,
            Home,
            Tomorrow(),
            null,
            Rep,
            Now);

    private static Order OutForDelivery(PaymentMethod payment = PaymentMethod.CashOnDelivery, params CartItem[] items)
    {
        var order = PreOrder(payment, items);
        if (payment == PaymentMethod.Online)
        {
            PayInFull(order);
        }

        order.Assign(Courier, "dispatcher", Now);
        order.StartDelivery(Courier, Now);
        return order;
    }

    private static Order FailedAttempt(PaymentMethod payment = PaymentMethod.CashOnDelivery)
    {
        var order = OutForDelivery(payment);
        order.RecordFailedAttempt("Nobody home", Courier, Now);
        return order;
    }

    [Fact]
    public void A_cash_order_runs_from_dispatch_to_completion_and_is_paid_at_the_door()
    {
        var order = OutForDelivery();
        Throws(() => order.MarkDelivered(Courier, Now, null), "order.payment_outstanding");

        PayInFull(order, PaymentChannel.Cash);
        order.MarkDelivered(Courier, Now, null);
        order.Complete("system", Now);

        Assert.Equal((OrderStatus.Completed, PaymentStatus.Paid), (order.Status, order.PaymentStatus));
        Assert.Single(order.DomainEvents.OfType<OrderDelivered>());
    }

    [Fact]
    public void Paying_an_online_pre_order_in_full_makes_it_ready_for_dispatch()
    {
        var order = PreOrder(PaymentMethod.Online);
        PayInFull(order);

        Assert.Equal((OrderStatus.ReadyForDispatch, PaymentStatus.Paid), (order.Status, order.PaymentStatus));
        Assert.Equal("Payment Paid: ¥49.00 captured, ¥0.00 refunded", order.Timeline[^1].Reason);
    }

    [Fact]
    public void A_part_payment_leaves_an_online_pre_order_waiting()
    {
        var order = PreOrder(PaymentMethod.Online);
        var part = Payment.StartOnline(Guid.NewGuid(), order.Number, Money.Yuan(20), "customer", Now);
        part.ConfirmCapture(2000, "cny", "stripe", Now);
        order.ApplyPayments([part], "stripe", Now);

        Assert.Equal((OrderStatus.AwaitingPayment, PaymentStatus.PartiallyPaid), (order.Status, order.PaymentStatus));
    }

    [Fact]
    public void Applying_the_same_payments_again_changes_nothing()
    {
        var order = PreOrder(PaymentMethod.Online);
        var payment = PayInFull(order);

        Assert.False(order.ApplyPayments([payment], "stripe", Now));
        Assert.Single(order.DomainEvents.OfType<OrderPaymentStatusChanged>());
    }

    [Fact]
    public void Refuses_another_orders_payment()
    {
        var stranger = Payment.StartOnline(Guid.NewGuid(), "SO202506019999", Money.Yuan(49), "customer", Now);
        Throws(() => PreOrder(PaymentMethod.Online).ApplyPayments([stranger], "stripe", Now), "order.foreign_payment");
    }

    [Fact]
    public void An_unpaid_online_order_cannot_be_assigned()
    {
        var ex = Throws(() => PreOrder(PaymentMethod.Online).Assign(Courier, "dispatcher", Now), "order.invalid_transition");
        Assert.Equal("Order SO202506010001 cannot go from AwaitingPayment to Assigned", ex.Message);
    }

    [Fact]
    public void Rejects_delivery_before_the_courier_has_set_out()
    {
        var order = PreOrder();
        order.Assign(Courier, "dispatcher", Now);

        Throws(() => order.MarkDelivered(Courier, Now, null), "order.invalid_transition");
        Assert.Equal(OrderStatus.Assigned, order.Status);
    }

    [Fact]
    public void Rejects_completion_before_delivery() =>
        Throws(() => OutForDelivery().Complete("system", Now), "order.invalid_transition");

    [Fact]
    public void A_handset_cannot_be_delivered_until_its_imei_is_recorded()
    {
        var order = OutForDelivery(PaymentMethod.CashOnDelivery, new CartItem(Phone5G(), 1));

        Throws(() => order.MarkDelivered(Courier, Now, null), "order.serials_missing");
        order.RecordSerial("hs-x1-128", ValidImei);
        PayInFull(order, PaymentChannel.Pos);
        order.MarkDelivered(Courier, Now, null);

        Assert.Equal([ValidImei], order.Lines[0].Serials);
    }

    [Fact]
    public void Refuses_invalid_duplicate_or_surplus_serials()
    {
        var order = OutForDelivery(PaymentMethod.CashOnDelivery, new CartItem(Phone5G(), 1), new CartItem(Case(), 1));

        Throws(() => order.RecordSerial("HS-X1-128", "490154203237519"), "serial.invalid");
        Throws(() => order.RecordSerial("ACC-CASE", ValidImei), "serial.invalid");
        Throws(() => order.RecordSerial("SIM-STD", ValidIccid), "order.unknown_line");
        order.RecordSerial("HS-X1-128", ValidImei);
        Throws(() => order.RecordSerial("HS-X1-128", ValidImei), "order.duplicate_serial");
        Throws(() => order.RecordSerial("HS-X1-128", "356938035643809"), "order.too_many_serials");
    }

    [Fact]
    public void Serials_are_not_recorded_before_the_order_reaches_a_courier() =>
        Throws(() => PreOrder(PaymentMethod.CashOnDelivery, new CartItem(Phone5G(), 1)).RecordSerial("HS-X1-128", ValidImei),
            "order.serials_closed");

    [Fact]
    public void A_sim_card_is_handed_over_only_after_an_id_check()
    {
        var order = OutForDelivery(PaymentMethod.CashOnDelivery, new CartItem(SimCard(), 1));
        order.RecordSerial("SIM-STD", ValidIccid);
        PayInFull(order, PaymentChannel.Cash);

        Throws(() => order.MarkDelivered(Courier, Now, null), "order.real_name_required");
        Assert.Equal(OrderStatus.OutForDelivery, order.Status);

        order.MarkDelivered(Courier, Now, CheckedId);
        Assert.True(order.RealNameVerified);
        Assert.Equal(CheckedId, Assert.Single(order.DomainEvents.OfType<OrderDelivered>()).VerifiedIdNumber);
    }

    [Fact]
    public void A_failed_attempt_needs_a_reason() =>
        Throws(() => OutForDelivery().RecordFailedAttempt(" ", Courier, Now), "order.reason_required");

    [Fact]
    public void A_rescheduled_order_gets_a_new_window_and_can_be_assigned_again()
    {
        var order = FailedAttempt();
        var newWindow = DeliveryWindow.Parse(new DateOnly(2025, 6, 3), "09:00-12:00");

        order.Reschedule(newWindow, "dispatcher", Now);
        Assert.Equal((OrderStatus.Rescheduled, newWindow, (string?)null), (order.Status, order.DeliveryWindow, order.Courier));

        order.Assign("courier.zhao", "dispatcher", Now);
        Assert.Equal((OrderStatus.Assigned, "courier.zhao"), (order.Status, order.Courier));
    }

    [Fact]
    public void Cannot_reschedule_into_the_past()
    {
        var order = FailedAttempt();
        Throws(() => order.Reschedule(DeliveryWindow.Parse(new DateOnly(2025, 5, 31), "09:00-12:00"), "dispatcher", Now),
            "order.window_in_past");
        Assert.Equal(OrderStatus.FailedAttempt, order.Status);
    }

    [Fact]
    public void Only_a_failed_attempt_can_be_rescheduled_or_returned()
    {
        var order = OutForDelivery();
        Throws(() => order.Reschedule(Tomorrow(), "dispatcher", Now), "order.invalid_transition");
        Throws(() => order.Return("dispatcher", Now), "order.invalid_transition");
    }

    [Fact]
    public void Returned_goods_release_stock_and_a_prepaid_order_becomes_refund_due()
    {
        var order = FailedAttempt(PaymentMethod.Online);
        order.Return("station", Now, "Customer refused");

        Assert.Equal((OrderStatus.Returned, PaymentStatus.Paid, true), (order.Status, order.PaymentStatus, order.RefundDue));
        var returned = Assert.Single(order.DomainEvents.OfType<OrderReturned>());
        Assert.True(returned.RefundDue);
        Assert.Equal("ACC-CASE", Assert.Single(returned.Lines).Sku);
    }

    [Fact]
    public void Cancelling_an_unpaid_order_owes_nothing_and_announces_the_lines_to_release()
    {
        var order = PreOrder(PaymentMethod.CashOnDelivery, new CartItem(Case(), 3));
        order.Cancel("Customer changed mind", Rep, Now);

        Assert.Equal((OrderStatus.Cancelled, PaymentStatus.Unpaid, false), (order.Status, order.PaymentStatus, order.RefundDue));
        var cancelled = Assert.Single(order.DomainEvents.OfType<OrderCancelled>());
        Assert.False(cancelled.RefundDue);
        Assert.Equal(("ACC-CASE", 3), (cancelled.Lines[0].Sku, cancelled.Lines[0].Quantity));
        Assert.Equal("Customer changed mind", order.Timeline[^1].Reason);
    }

    [Fact]
    public void Cancelling_a_paid_order_makes_a_refund_due_until_it_is_refunded()
    {
        var order = PreOrder(PaymentMethod.Online);
        var payment = PayInFull(order);
        order.Cancel("Out of stock", Rep, Now);
        Assert.True(order.RefundDue);

        var refund = payment.RequestRefund(Guid.NewGuid(), Money.Yuan(49), "Out of stock", new RefundPolicy(Money.Yuan(1000)), "backoffice.zhou", Now);
        payment.CompleteRefund(refund.Key, "re_1", Now);
        order.ApplyPayments([payment], "stripe", Now);

        Assert.Equal((PaymentStatus.Refunded, false), (order.PaymentStatus, order.RefundDue));
        Assert.True(Assert.Single(order.DomainEvents.OfType<OrderCancelled>()).RefundDue);
    }

    [Fact]
    public void Cancelling_requires_a_reason()
    {
        var order = PreOrder();
        Throws(() => order.Cancel("  ", Rep, Now), "order.reason_required");
        Assert.Equal(OrderStatus.ReadyForDispatch, order.Status);
    }

    [Fact]
    public void Cannot_cancel_an_order_that_is_out_for_delivery_or_already_cancelled()
    {
        Throws(() => OutForDelivery().Cancel("Too late", Rep, Now), "order.invalid_transition");

        var order = PreOrder();
        order.Cancel("Duplicate", Rep, Now);
        Throws(() => order.Cancel("Duplicate", Rep, Now), "order.invalid_transition");
    }

    [Fact]
    public void Every_transition_is_on_the_timeline_with_who_and_bumps_the_version()
    {
        var order = OutForDelivery();
        var versionBefore = order.Version;
        order.RecordFailedAttempt("Nobody home", Courier, Now.AddHours(3));

        var last = order.Timeline[^1];
        Assert.Equal((Now.AddHours(3), Courier, OrderStatus.OutForDelivery, OrderStatus.FailedAttempt, "Nobody home"),
            (last.AtUtc, last.Actor, last.FromStatus, last.ToStatus, last.Reason));
        Assert.Equal(versionBefore + 1, order.Version);
        Assert.Equal(order.Timeline.Count(e => e.FromStatus != e.ToStatus), order.DomainEvents.OfType<OrderStatusChanged>().Count());
    }

    [Fact]
    public void A_transition_needs_an_actor() =>
        Throws(() => PreOrder().Assign(Courier, " ", Now), "actor.required");
}
