using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Infrastructure.Payments;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Api;
using Stripe;
using static Portal.Tests.Features.Payments.StripeEventJson;

namespace Portal.Tests.Features.Payments;

public sealed class StripeWebhookTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Each_event_replayed_five_times_in_shuffled_order_records_the_payment_once_and_posts_once(int seed)
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        var refund = Refund(NewId("re"), intent, 1000);
        string[] events =
        [
            Intent("payment_intent.created", intent, key, order, amount),
            Intent(EventTypes.PaymentIntentPaymentFailed, intent, key, order, amount, declineCode: "insufficient_funds"),
            Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount),
            RefundUpdated(refund),
            ChargeRefunded(intent, amount, refund),
            Payout("payout.paid", amount - 1000),
        ];
        var deliveries = events.SelectMany(e => Enumerable.Repeat(e, 5)).ToArray();
        new Random(seed).Shuffle(deliveries);

        // Like Stripe, deliver again whatever was not answered 2xx (a refund that arrived before its payment's success).
        var pending = deliveries.ToList();
        for (var round = 0; pending.Count > 0 && round < 3; round++)
        {
            var again = new List<string>();
            foreach (var delivery in pending)
            {
                var answer = await Deliver(delivery);
                Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{answer.StatusCode}");
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    again.Add(delivery);
                }
            }

            pending = again;
        }

        Assert.Empty(pending);

        // Whatever the order, the end state is the same: captured once, 10 yuan refunded once, in the ledger once.
        var payment = await Payment(key);
        Assert.Equal((PaymentAttemptStatus.PartiallyRefunded, amount, 1000L), (payment.Status, payment.Captured.ToMinorUnits(), payment.Refunded.ToMinorUnits()));
        Assert.Single(payment.Refunds);
        var postings = await Postings(order);
        Assert.Equal(
            [LedgerTransactionKind.OrderInvoiced, LedgerTransactionKind.OnlinePayment, LedgerTransactionKind.RefundOwed, LedgerTransactionKind.RefundPaid],
            postings.Select(p => p.Kind).Order());
        var placed = await Order(order);
        Assert.Equal((OrderStatus.ReadyForDispatch, PaymentStatus.PartiallyRefunded), (placed.Status, placed.PaymentStatus));
        Assert.Equal(events.Length, await Host.WithDb(db => db.StripeEvents.CountAsync(e => events.Select(IdOf).Contains(e.EventId))));
    }

    [Fact]
    public async Task Twenty_concurrent_copies_of_a_success_record_the_payment_once_and_post_once()
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        var succeeded = Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Deliver(succeeded)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await Host.WithDb(db => db.StripeEvents.CountAsync(e => e.EventId == IdOf(succeeded))));
        Assert.Single(await Postings(order), p => p.Kind == LedgerTransactionKind.OnlinePayment);
        Assert.Equal(PaymentStatus.Paid, (await Order(order)).PaymentStatus);
    }

    [Fact]
    public async Task A_forged_signature_is_refused_and_writes_nothing()
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        var succeeded = Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount);

        var answer = await Deliver(succeeded, StripeSignature.Sign(succeeded, "whsec_forged", DateTimeOffset.UtcNow));

        await AssertRefusedAndUnchanged(answer, succeeded, order, key);
    }

    [Fact]
    public async Task A_tampered_payload_is_refused_and_writes_nothing()
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        var signed = Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount);
        var tampered = signed.Replace($"\"amount\":{amount}", "\"amount\":1");

        var answer = await Deliver(tampered, StripeSignature.Sign(signed, StripeOptions.DevelopmentWebhookSecret, DateTimeOffset.UtcNow));

        await AssertRefusedAndUnchanged(answer, signed, order, key);
    }

    [Fact]
    public async Task A_signature_older_than_five_minutes_is_refused_and_writes_nothing()
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        var succeeded = Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount);

        var answer = await Deliver(succeeded, StripeSignature.Sign(succeeded, StripeOptions.DevelopmentWebhookSecret, DateTimeOffset.UtcNow.AddSeconds(-301)));

        await AssertRefusedAndUnchanged(answer, succeeded, order, key);
    }

    [Fact]
    public async Task An_unsigned_event_is_refused()
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        var succeeded = Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount);

        await AssertRefusedAndUnchanged(await Deliver(succeeded, signature: ""), succeeded, order, key);
    }

    [Fact]
    public async Task An_amount_other_than_asked_is_flagged_for_finance_and_not_accepted()
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        var short1 = Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount - 100);
        var otherCurrency = Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount, currency: "usd");

        await Deliver(short1);
        await Deliver(otherCurrency);

        var records = await Host.WithDb(db => db.StripeEvents.Where(e => e.EventId == IdOf(short1) || e.EventId == IdOf(otherCurrency)).ToListAsync());
        Assert.All(records, r => Assert.Equal(StripeEventOutcome.Flagged, r.Outcome));
        Assert.Equal(2, records.Count);
        var payment = await Payment(key);
        Assert.Equal(PaymentAttemptStatus.Pending, payment.Status);
        Assert.Contains("usd", payment.Discrepancy);
        Assert.Empty(await Postings(order));
        Assert.Equal((OrderStatus.AwaitingPayment, PaymentStatus.Unpaid), ((await Order(order)).Status, (await Order(order)).PaymentStatus));
    }

    [Fact]
    public async Task A_late_decline_or_cancel_after_success_changes_nothing()
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        await Deliver(Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount));

        var late = Intent(EventTypes.PaymentIntentPaymentFailed, intent, key, order, amount, declineCode: "generic_decline");
        await Deliver(late);
        await Deliver(Intent(EventTypes.PaymentIntentCanceled, intent, key, order, amount));

        Assert.Equal(PaymentAttemptStatus.Succeeded, (await Payment(key)).Status);
        Assert.Equal(StripeEventOutcome.NoChange, await Host.WithDb(db => db.StripeEvents.Where(e => e.EventId == IdOf(late)).Select(e => e.Outcome).SingleAsync()));
    }

    [Fact]
    public async Task A_refund_above_the_capture_is_flagged_and_not_recorded()
    {
        var (order, key, intent, amount) = await OnlineOrderAwaitingPayment();
        await Deliver(Intent(EventTypes.PaymentIntentSucceeded, intent, key, order, amount));

        var tooMuch = RefundUpdated(Refund(NewId("re"), intent, amount + 1));
        await Deliver(tooMuch);

        Assert.Equal(StripeEventOutcome.Flagged, await Host.WithDb(db => db.StripeEvents.Where(e => e.EventId == IdOf(tooMuch)).Select(e => e.Outcome).SingleAsync()));
        Assert.Empty((await Payment(key)).Refunds);
    }

    [Fact]
    public async Task Payout_events_are_stored_whole_for_the_audit()
    {
        var payout = Payout("payout.paid", 99400);

        await Deliver(payout);

        var record = await Host.WithDb(db => db.StripeEvents.SingleAsync(e => e.EventId == IdOf(payout)));
        Assert.Equal((StripeEventOutcome.Stored, "payout.paid", payout), (record.Outcome, record.Type, record.Payload));
    }

    private async Task AssertRefusedAndUnchanged(HttpResponseMessage answer, string eventJson, string order, Guid key)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.False(await Host.WithDb(db => db.StripeEvents.AnyAsync(e => e.EventId == IdOf(eventJson))));
        Assert.Equal(PaymentAttemptStatus.Pending, (await Payment(key)).Status);
        Assert.Empty(await Postings(order));
    }

    private async Task<HttpResponseMessage> Deliver(string payload, string? signature = null)
    {
        using var client = Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoints.Route)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(
            StripeSignature.Header, signature ?? StripeSignature.Sign(payload, StripeOptions.DevelopmentWebhookSecret, DateTimeOffset.UtcNow));
        return await client.SendAsync(request);
    }

    /// <summary>An online pre-order with its payment attempt started, as the payment link leaves it.</summary>
    private async Task<(string Order, Guid Key, string Intent, long Amount)> OnlineOrderAwaitingPayment()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var placed = await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone(), payment: "Online");
        var key = Guid.NewGuid();
        var intent = NewId("pi");
        var total = await Host.WithDb(async db =>
        {
            var order = await db.Orders.SingleAsync(o => o.Number == placed.Number);
            var payment = Portal.Domain.Payments.Payment.StartOnline(key, order.Number, order.Total, "rep@portal.local", DateTime.UtcNow);
            payment.AttachProviderReference(intent);
            db.Payments.Add(payment);
            await db.SaveChangesAsync();
            return order.Total;
        });
        return (placed.Number, key, intent, total.ToMinorUnits());
    }

    private Task<Payment> Payment(Guid key) => Host.WithDb(db => db.Payments.AsNoTracking().SingleAsync(p => p.Key == key));

    private Task<Order> Order(string number) => Host.WithDb(db => db.Orders.AsNoTracking().SingleAsync(o => o.Number == number));

    private Task<List<LedgerTransaction>> Postings(string order) =>
        Host.WithDb(db => db.LedgerTransactions.AsNoTracking().Where(t => t.OrderNumber == order).ToListAsync());
}
