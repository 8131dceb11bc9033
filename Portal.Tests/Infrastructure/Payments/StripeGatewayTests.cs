using Portal.Domain.Shared;
using Portal.Infrastructure.Payments;
using Portal.Tests.Infrastructure;
using Stripe;

namespace Portal.Tests.Infrastructure.Payments;

/// <summary>Stripe.net against the sandbox on a loopback port: the product's gateway code, Stripe's wire format.</summary>
public sealed class StripeGatewayTests : IAsyncLifetime
{
    private const string OrderNumber = "SO202506010001";
    private StripeSandboxHost _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeSandboxHost.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task An_online_intent_asks_for_cny_fen_by_card_alipay_or_wechat_and_carries_the_order()
    {
        var key = Guid.NewGuid();
        var intent = await _stripe.Gateway().CreateOnlineIntentAsync(key, OrderNumber, Money.Yuan(199.5m), default);

        Assert.StartsWith("pi_", intent.Id);
        Assert.StartsWith(intent.Id + "_secret_", intent.ClientSecret);
        var created = (PaymentIntent)(await _stripe.WaitForEventAsync(e => e.Type == "payment_intent.created")).Data.Object;
        Assert.Equal((19950L, "cny"), (created.Amount, created.Currency));
        Assert.Equal(["card", "alipay", "wechat_pay"], created.PaymentMethodTypes);
        Assert.Equal(OrderNumber, created.Metadata[StripeGateway.OrderNumberKey]);
        Assert.Equal(key.ToString(), created.Metadata[StripeGateway.PaymentKeyKey]);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_payment_id_returns_the_same_intent_and_never_a_second()
    {
        var key = Guid.NewGuid();
        var gateway = _stripe.Gateway();
        var first = await gateway.CreateOnlineIntentAsync(key, OrderNumber, Money.Yuan(50), default);
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => gateway.CreateOnlineIntentAsync(key, OrderNumber, Money.Yuan(50), default)));

        Assert.All(results, r => Assert.Equal(first.Id, r.Id));
        Assert.Single(_stripe.Sandbox.EventIds("payment_intent.created"));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_other_parameters_is_refused()
    {
        var key = Guid.NewGuid();
        await _stripe.Gateway().CreateOnlineIntentAsync(key, OrderNumber, Money.Yuan(50), default);

        var ex = await Assert.ThrowsAsync<StripeException>(() => _stripe.Gateway().CreateOnlineIntentAsync(key, OrderNumber, Money.Yuan(51), default));
        Assert.Equal("idempotency_error", ex.StripeError.Type);
    }

    [Fact]
    public async Task A_paid_intent_is_announced_by_a_signed_webhook_and_a_decline_by_another()
    {
        var intent = await _stripe.Gateway().CreateOnlineIntentAsync(Guid.NewGuid(), OrderNumber, Money.Yuan(88), default);
        await _stripe.HelperAsync($"payment_intents/{intent.Id}/fail");
        await _stripe.HelperAsync($"payment_intents/{intent.Id}/succeed", ("payment_method_type", "alipay"));

        var failed = (PaymentIntent)(await _stripe.WaitForEventAsync(e => e.Type == "payment_intent.payment_failed")).Data.Object;
        var succeeded = (PaymentIntent)(await _stripe.WaitForEventAsync(e => e.Type == "payment_intent.succeeded")).Data.Object;
        Assert.Equal(("card_declined", intent.Id), (failed.LastPaymentError.Code, failed.Id));
        Assert.Equal((8800L, "succeeded", OrderNumber), (succeeded.AmountReceived, succeeded.Status, succeeded.Metadata[StripeGateway.OrderNumberKey]));
        Assert.Equal(0, _stripe.Refused);
    }

    [Fact]
    public async Task Refunds_are_idempotent_per_refund_id_and_never_exceed_the_capture()
    {
        var gateway = _stripe.Gateway();
        var intent = await gateway.CreateOnlineIntentAsync(Guid.NewGuid(), OrderNumber, Money.Yuan(100), default);
        await _stripe.HelperAsync($"payment_intents/{intent.Id}/succeed");

        var refundKey = Guid.NewGuid();
        var first = await gateway.RefundAsync(refundKey, intent.Id, Money.Yuan(30), OrderNumber, default);
        var again = await gateway.RefundAsync(refundKey, intent.Id, Money.Yuan(30), OrderNumber, default);
        Assert.Equal(first.Id, again.Id);

        var ex = await Assert.ThrowsAsync<StripeException>(() => gateway.RefundAsync(Guid.NewGuid(), intent.Id, Money.Yuan(70.01m), OrderNumber, default));
        Assert.Equal("amount_too_large", ex.StripeError.Code);

        var charge = (Charge)(await _stripe.WaitForEventAsync(e => e.Type == "charge.refunded")).Data.Object;
        Assert.Equal((3000L, intent.Id), (charge.AmountRefunded, charge.PaymentIntentId));
        Assert.Single(_stripe.Sandbox.EventIds("charge.refunded"));
        var refund = (Refund)(await _stripe.WaitForEventAsync(e => e.Type == "refund.updated")).Data.Object;
        Assert.Equal((first.Id, "succeeded", refundKey.ToString()), (refund.Id, refund.Status, refund.Metadata[StripeGateway.RefundKeyKey]));
    }

    [Fact]
    public async Task A_terminal_payment_runs_on_the_reader_and_is_confirmed_by_webhook()
    {
        var intent = await _stripe.Gateway().StartTerminalPaymentAsync(Guid.NewGuid(), OrderNumber, Money.Yuan(299), "tmr_station1", default);

        var succeeded = (PaymentIntent)(await _stripe.WaitForEventAsync(e => e.Type == "payment_intent.succeeded")).Data.Object;
        Assert.Equal((intent.Id, 29900L), (succeeded.Id, succeeded.AmountReceived));
        Assert.Equal(["card_present"], succeeded.PaymentMethodTypes);
    }

    [Fact]
    public async Task Payouts_and_their_balance_transactions_show_each_charge_with_its_fee()
    {
        var gateway = _stripe.Gateway();
        var intent = await gateway.CreateOnlineIntentAsync(Guid.NewGuid(), OrderNumber, Money.Yuan(100), default);
        await _stripe.HelperAsync($"payment_intents/{intent.Id}/succeed");
        await _stripe.HelperAsync("payouts");

        var payout = Assert.Single(await gateway.ListPayoutsAsync(DateTime.UtcNow.AddHours(-1), default));
        Assert.Equal(Money.Yuan(99.4m), payout.Amount);
        var transactions = await gateway.ListBalanceTransactionsAsync(payout.Id, default);
        var charge = Assert.Single(transactions, t => t.Type == "charge");
        Assert.Equal((Money.Yuan(100), Money.Yuan(0.6m), Money.Yuan(99.4m)), (charge.Amount, charge.Fee, charge.Net));
        Assert.Contains(transactions, t => t.Type == "payout" && t.Amount == Money.Yuan(-99.4m));
        await _stripe.WaitForEventAsync(e => e.Type == "payout.paid");
    }

    [Fact]
    public async Task Cancelling_an_abandoned_intent_is_announced()
    {
        var key = Guid.NewGuid();
        var gateway = _stripe.Gateway();
        var intent = await gateway.CreateOnlineIntentAsync(key, OrderNumber, Money.Yuan(10), default);

        var cancelled = await gateway.CancelIntentAsync(key, intent.Id, default);

        Assert.Equal("canceled", cancelled.Status);
        await _stripe.WaitForEventAsync(e => e.Type == "payment_intent.canceled");
    }
}
