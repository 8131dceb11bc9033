using Portal.Domain.Payments;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Payments;

public class PaymentTests
{
    private const string OrderNumber = "SO202506010001";
    private static readonly RefundPolicy Policy = new(Money.Yuan(500));

    private static Payment Online(decimal amount = 199)
    {
        var payment = Payment.StartOnline(Guid.NewGuid(), OrderNumber, Money.Yuan(amount), Rep, Now);
        payment.AttachProviderReference("pi_123");
        return payment;
    }

    private static Payment Captured(decimal amount = 199)
    {
        var payment = Online(amount);
        Assert.True(payment.ConfirmCapture(Money.Yuan(amount).ToMinorUnits(), "cny", "stripe", Now));
        return payment;
    }

    [Fact]
    public void An_online_payment_starts_pending_and_succeeds_when_the_provider_captures_the_amount_asked()
    {
        var payment = Online();
        Assert.Equal(PaymentAttemptStatus.Pending, payment.Status);

        Assert.True(payment.ConfirmCapture(19900, "CNY", "stripe", Now));

        Assert.Equal((PaymentAttemptStatus.Succeeded, Money.Yuan(199), "stripe"), (payment.Status, payment.Captured, payment.SettledBy));
        Assert.Single(payment.DomainEvents.OfType<PaymentSucceeded>());
    }

    [Theory]
    [InlineData(19800, "cny")]
    [InlineData(19900, "usd")]
    public void A_capture_of_another_amount_or_currency_is_flagged_and_not_accepted(long minor, string currency)
    {
        var payment = Online();

        Assert.False(payment.ConfirmCapture(minor, currency, "stripe", Now));

        Assert.Equal(PaymentAttemptStatus.Pending, payment.Status);
        Assert.Contains($"received {minor} {currency}", payment.Discrepancy);
        Assert.Single(payment.DomainEvents.OfType<PaymentDiscrepancyFlagged>());
    }

    [Fact]
    public void A_failed_attempt_can_still_succeed_because_the_provider_decides_what_was_captured()
    {
        var payment = Online();
        payment.Fail("card_declined", Now);

        payment.ConfirmCapture(19900, "cny", "stripe", Now);

        Assert.Equal((PaymentAttemptStatus.Succeeded, (string?)null), (payment.Status, payment.FailureReason));
    }

    [Fact]
    public void A_succeeded_payment_cannot_fail_or_be_cancelled_or_succeed_again()
    {
        var payment = Captured();

        Throws(() => payment.Fail("late", Now), "payment.invalid_transition");
        Throws(() => payment.Cancel("late", Rep, Now), "payment.invalid_transition");
        Throws(() => payment.ConfirmCapture(19900, "cny", "stripe", Now), "payment.invalid_transition");
    }

    [Fact]
    public void Cash_is_collected_at_once_with_the_change_computed()
    {
        var payment = Payment.CollectCash(Guid.NewGuid(), OrderNumber, Money.Yuan(183.5m), Money.Yuan(200), "courier.wang", Now);

        Assert.Equal((PaymentAttemptStatus.Succeeded, Money.Yuan(16.5m)), (payment.Status, payment.Change));
        Throws(() => Payment.CollectCash(Guid.NewGuid(), OrderNumber, Money.Yuan(183.5m), Money.Yuan(100), "courier.wang", Now), "payment.tendered_short");
    }

    [Fact]
    public void A_pos_slip_needs_its_reference_and_terminal()
    {
        var payment = Payment.RecordPosSlip(Guid.NewGuid(), OrderNumber, Money.Yuan(99), " 000123 ", "T-9", "courier.wang", Now);

        Assert.Equal(("000123", "T-9", PaymentAttemptStatus.Succeeded), (payment.Reference, payment.TerminalId, payment.Status));
        Throws(() => Payment.RecordPosSlip(Guid.NewGuid(), OrderNumber, Money.Yuan(99), " ", "T-9", "courier.wang", Now), "payment.slip_required");
    }

    [Fact]
    public void Cash_and_pos_are_never_confirmed_by_the_provider()
    {
        var payment = Payment.CollectCash(Guid.NewGuid(), OrderNumber, Money.Yuan(10), Money.Yuan(10), "courier.wang", Now);
        Throws(() => payment.AttachProviderReference("pi_1"), "payment.not_provider");
    }

    [Fact]
    public void A_payment_keeps_the_provider_reference_it_was_given()
    {
        var payment = Online();
        payment.AttachProviderReference("pi_123");
        Throws(() => payment.AttachProviderReference("pi_other"), "payment.reference_mismatch");
    }

    [Fact]
    public void Partial_refunds_add_up_to_a_full_refund()
    {
        var payment = Captured(100);
        var first = payment.RequestRefund(Guid.NewGuid(), Money.Yuan(30), "Case returned", Policy, Rep, Now);
        payment.CompleteRefund(first.Key, "re_1", Now);
        Assert.Equal((PaymentAttemptStatus.PartiallyRefunded, Money.Yuan(30)), (payment.Status, payment.Refunded));

        var rest = payment.RequestRefund(Guid.NewGuid(), Money.Yuan(70), "Cancelled", Policy, Rep, Now);
        payment.CompleteRefund(rest.Key, "re_2", Now);
        Assert.Equal((PaymentAttemptStatus.Refunded, Money.Yuan(100), Money.Zero), (payment.Status, payment.Refunded, payment.Refundable));
    }

    [Fact]
    public void Rejects_refund_above_captured_amount_counting_refunds_in_flight()
    {
        var payment = Captured(100);
        payment.RequestRefund(Guid.NewGuid(), Money.Yuan(60), "Part", Policy, Rep, Now);

        var ex = Throws(() => payment.RequestRefund(Guid.NewGuid(), Money.Yuan(40.01m), "More", Policy, Rep, Now), "refund.exceeds_capture");
        Assert.Contains("¥40.00 left of ¥100.00", ex.Message);
    }

    [Fact]
    public void A_failed_refund_frees_its_amount_again()
    {
        var payment = Captured(100);
        var refund = payment.RequestRefund(Guid.NewGuid(), Money.Yuan(100), "Cancelled", Policy, Rep, Now);
        payment.FailRefund(refund.Key, "insufficient_funds", Now);

        Assert.Equal((PaymentAttemptStatus.Succeeded, Money.Yuan(100)), (payment.Status, payment.Refundable));
    }

    [Fact]
    public void Nothing_is_refunded_from_a_payment_that_captured_nothing() =>
        Throws(() => Online().RequestRefund(Guid.NewGuid(), Money.Yuan(1), "x", Policy, Rep, Now), "payment.not_captured");

    [Fact]
    public void A_refund_above_the_limit_waits_for_a_second_person()
    {
        var payment = Captured(900);
        var refund = payment.RequestRefund(Guid.NewGuid(), Money.Yuan(600), "Return", Policy, "backoffice.zhou", Now);
        Assert.Equal(RefundStatus.AwaitingApproval, refund.Status);
        Throws(() => payment.CompleteRefund(refund.Key, null, Now), "refund.invalid_transition");

        Throws(() => payment.ApproveRefund(refund.Key, "BACKOFFICE.ZHOU", Now), "refund.same_approver");
        payment.ApproveRefund(refund.Key, "finance.chen", Now);

        Assert.Equal((RefundStatus.Requested, "finance.chen"), (refund.Status, refund.ApprovedBy));
    }

    [Fact]
    public void A_refund_at_the_limit_needs_no_approval() =>
        Assert.Equal(RefundStatus.Requested, Captured(900).RequestRefund(Guid.NewGuid(), Money.Yuan(500), "Return", Policy, Rep, Now).Status);

    [Fact]
    public void A_refund_made_at_the_provider_is_recorded_once()
    {
        var payment = Captured(100);
        payment.RecordProviderRefund(Guid.NewGuid(), "re_dash", Money.Yuan(25), "stripe", Now);

        Throws(() => payment.RecordProviderRefund(Guid.NewGuid(), "re_dash", Money.Yuan(25), "stripe", Now), "refund.duplicate");
        Assert.Equal(Money.Yuan(25), payment.Refunded);
    }

    [Fact]
    public void Money_converts_to_and_from_fen_exactly()
    {
        Assert.Equal(19999, Money.Yuan(199.99m).ToMinorUnits());
        Assert.Equal(Money.Yuan(199.99m), Money.FromMinorUnits(19999));
    }
}
