using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Stripe;

namespace Portal.Web.Features.Payments;

/// <summary>
/// Applies one verified Stripe event, exactly once: the event id is recorded in the same transaction as its
/// effects, so a redelivery finds it and changes nothing. The event alone is authoritative (no call back to
/// Stripe). Order of arrival does not matter: a success after a decline still counts, a decline or cancel after a
/// success is recorded and ignored, a refund seen first in charge.refunded or in refund.updated completes once.
/// </summary>
public static class ApplyStripeEvent
{
    public const string Actor = "stripe";

    [AllowAnonymousRequest]
    public sealed record Command(Event StripeEvent, string Payload) : ICommand<Result>;

    public sealed record Result(string EventId, StripeEventOutcome Outcome, string? Note);

    /// <summary>
    /// The event is about something that has not happened here yet (a refund of a payment whose success has not
    /// arrived). Nothing is written and Stripe is told to deliver it again later, as it does after any non-2xx.
    /// </summary>
    public sealed class TooEarlyException(string message) : Exception(message);

    internal sealed class Handler(PortalDbContext db, TimeProvider clock) : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var stripeEvent = request.StripeEvent;
            if (await db.StripeEvents.AnyAsync(e => e.EventId == stripeEvent.Id, cancellationToken))
            {
                return new Result(stripeEvent.Id, StripeEventOutcome.NoChange, "Already processed");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var (outcome, note) = stripeEvent.Data.Object switch
            {
                PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentSucceeded => await Succeeded(intent, now, cancellationToken),
                PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentPaymentFailed => await Failed(intent, now, cancellationToken),
                PaymentIntent intent when stripeEvent.Type == EventTypes.PaymentIntentCanceled => await Canceled(intent, now, cancellationToken),
                Charge charge when stripeEvent.Type == EventTypes.ChargeRefunded =>
                    await Refunds(charge.PaymentIntentId, charge.Refunds?.Data ?? [], now, cancellationToken),
                Refund refund when stripeEvent.Type == EventTypes.RefundUpdated => await Refunds(refund.PaymentIntentId, [refund], now, cancellationToken),
                _ => (StripeEventOutcome.Stored, null),
            };

            db.StripeEvents.Add(StripeEventRecord.Receive(
                stripeEvent.Id,
                stripeEvent.Type,
                (stripeEvent.Data.Object as IHasId)?.Id,
                stripeEvent.Created,
                now,
                outcome,
                note,
                request.Payload));
            return new Result(stripeEvent.Id, outcome, note);
        }

        private async Task<(StripeEventOutcome, string?)> Succeeded(PaymentIntent intent, DateTime now, CancellationToken cancellationToken)
        {
            if (await FindPayment(intent, cancellationToken) is not { } payment)
            {
                return (StripeEventOutcome.Flagged, $"No payment for {intent.Id}");
            }

            if (payment.IsCaptured)
            {
                return (StripeEventOutcome.NoChange, $"Payment {payment.Key} already {payment.Status}");
            }

            if (payment.Status == PaymentAttemptStatus.Cancelled)
            {
                return (StripeEventOutcome.Flagged, $"{intent.Id} captured money for payment {payment.Key}, which was cancelled");
            }

            var received = intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount;
            if (!payment.ConfirmCapture(received, intent.Currency ?? "", Actor, now))
            {
                return (StripeEventOutcome.Flagged, payment.Discrepancy);
            }

            var order = await db.Orders.FirstAsync(o => o.Number == payment.OrderNumber, cancellationToken);
            await db.EnsureInvoicedAsync(order, Actor, now, cancellationToken);
            await db.PostOnceAsync(Postings.PaymentCaptured(payment, Actor, now), cancellationToken);
            await Settle(order, now, cancellationToken);
            return (StripeEventOutcome.Applied, null);
        }

        private async Task<(StripeEventOutcome, string?)> Failed(PaymentIntent intent, DateTime now, CancellationToken cancellationToken)
        {
            if (await FindPayment(intent, cancellationToken) is not { } payment)
            {
                return (StripeEventOutcome.Flagged, $"No payment for {intent.Id}");
            }

            if (payment.Status != PaymentAttemptStatus.Pending)
            {
                return (StripeEventOutcome.NoChange, $"Late decline: payment {payment.Key} is {payment.Status}");
            }

            payment.Fail(intent.LastPaymentError?.Code ?? intent.LastPaymentError?.Message ?? "payment_failed", now);
            return (StripeEventOutcome.Applied, null);
        }

        private async Task<(StripeEventOutcome, string?)> Canceled(PaymentIntent intent, DateTime now, CancellationToken cancellationToken)
        {
            if (await FindPayment(intent, cancellationToken) is not { } payment)
            {
                return (StripeEventOutcome.Flagged, $"No payment for {intent.Id}");
            }

            if (payment.Status is not (PaymentAttemptStatus.Pending or PaymentAttemptStatus.Failed))
            {
                return (StripeEventOutcome.NoChange, $"Late cancel: payment {payment.Key} is {payment.Status}");
            }

            payment.Cancel(intent.CancellationReason ?? "canceled", Actor, now);
            return (StripeEventOutcome.Applied, null);
        }

        private async Task<(StripeEventOutcome, string?)> Refunds(
            string? intentId, IEnumerable<Refund> refunds, DateTime now, CancellationToken cancellationToken)
        {
            var payment = intentId is null ? null : await db.Payments.FirstOrDefaultAsync(
                p => (p.Channel == PaymentChannel.Online || p.Channel == PaymentChannel.Terminal) && p.Reference == intentId, cancellationToken);
            if (payment is null)
            {
                return (StripeEventOutcome.Flagged, $"No payment for {intentId}");
            }

            if (!payment.IsCaptured && refunds.Any(r => r.Status == "succeeded"))
            {
                throw new TooEarlyException($"{intentId} is refunded, but its success has not arrived yet");
            }

            var applied = false;
            var notes = new List<string>();
            foreach (var refund in refunds)
            {
                try
                {
                    applied |= await ApplyRefund(payment, refund, now, cancellationToken);
                }
                catch (DomainException ex)
                {
                    notes.Add($"{refund.Id}: {ex.Message}");
                }
            }

            if (notes.Count > 0)
            {
                return (StripeEventOutcome.Flagged, string.Join("; ", notes));
            }

            if (applied)
            {
                await Settle(await db.Orders.FirstAsync(o => o.Number == payment.OrderNumber, cancellationToken), now, cancellationToken);
            }

            return (applied ? StripeEventOutcome.Applied : StripeEventOutcome.NoChange, null);
        }

        private async Task<bool> ApplyRefund(Payment payment, Refund refund, DateTime now, CancellationToken cancellationToken)
        {
            var ours = refund.Metadata is { } tags && tags.TryGetValue(StripeGateway.RefundKeyKey, out var key) && Guid.TryParse(key, out var refundKey)
                ? payment.Refunds.FirstOrDefault(r => r.Key == refundKey)
                : null;
            ours ??= payment.FindRefundByReference(refund.Id);

            switch (refund.Status)
            {
                case "succeeded" when ours is null:
                    // Refunded at Stripe without us asking (e.g. from its dashboard): recorded, and it must fit the capture.
                    ours = payment.RecordProviderRefund(Guid.NewGuid(), refund.Id, Money.FromMinorUnits(refund.Amount), Actor, now);
                    await db.PostOnceAsync(Postings.RefundOwed(payment, ours, Actor, now), cancellationToken);
                    await db.PostOnceAsync(Postings.RefundPaid(payment, ours, null, Actor, now), cancellationToken);
                    return true;
                case "succeeded" when ours is { Status: RefundStatus.Requested }:
                    payment.CompleteRefund(ours.Key, refund.Id, now);
                    await db.PostOnceAsync(Postings.RefundOwed(payment, ours, Actor, now), cancellationToken);
                    await db.PostOnceAsync(Postings.RefundPaid(payment, ours, null, Actor, now), cancellationToken);
                    return true;
                case "failed" or "canceled" when ours is { Status: RefundStatus.Requested }:
                    payment.FailRefund(ours.Key, refund.FailureReason ?? refund.Status, now);
                    if (await db.FindPostingAsync(LedgerTransactionKind.RefundOwed, $"refund:{ours.Key}", cancellationToken) is { } owed)
                    {
                        await db.PostOnceAsync(owed.Reverse(Guid.NewGuid(), $"Refund {refund.Id} {refund.Status}", Actor, now), cancellationToken);
                    }

                    return true;
                default:
                    return false;
            }
        }

        private async Task<Payment?> FindPayment(PaymentIntent intent, CancellationToken cancellationToken)
        {
            var payment = intent.Metadata is { } tags && tags.TryGetValue(StripeGateway.PaymentKeyKey, out var key) && Guid.TryParse(key, out var paymentKey)
                ? await db.Payments.FirstOrDefaultAsync(p => p.Key == paymentKey, cancellationToken)
                : null;
            payment ??= await db.Payments.FirstOrDefaultAsync(
                p => (p.Channel == PaymentChannel.Online || p.Channel == PaymentChannel.Terminal) && p.Reference == intent.Id, cancellationToken);
            if (payment is not null && payment.Reference is null)
            {
                payment.AttachProviderReference(intent.Id);
            }

            return payment is not null && payment.Reference == intent.Id ? payment : null;
        }

        /// <summary>The order re-derives its payment status from all its payments (a paid online pre-order goes to dispatch).</summary>
        private async Task Settle(Domain.Orders.Order order, DateTime now, CancellationToken cancellationToken)
        {
            var payments = await db.Payments.Where(p => p.OrderNumber == order.Number).ToListAsync(cancellationToken);
            order.ApplyPayments(payments, Actor, now);
        }
    }
}
