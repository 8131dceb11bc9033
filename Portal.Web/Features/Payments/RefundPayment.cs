using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Payments;

/// <summary>The "Refunds" section: above this amount a refund needs a second person's approval.</summary>
public sealed class RefundOptions
{
    public const string Section = "Refunds";

    public decimal SecondApprovalAbove { get; set; } = 500m;
}

/// <summary>
/// Refunds from the back office. A refund is decided (revenue down, refund owed) when requested under the limit or
/// when a second person approves it; an online or Terminal refund then goes to Stripe from the outbox, keyed by the
/// refund's id, and is completed by the webhook. Cash and POS refunds wait for the cashier to pay them out.
/// </summary>
public static class RefundPayment
{
    public const string Kind = "payments.refund";

    [AuthorizeRequest(Roles.BackOffice, Roles.Finance)]
    public sealed record Request(Guid PaymentId, decimal Amount, string? Reason, Guid? RequestId = null) : ICommand<Result>, IIdempotentCommand;

    [AuthorizeRequest(Roles.BackOffice, Roles.Finance)]
    public sealed record Approve(Guid PaymentId, Guid RefundId) : ICommand<Result>;

    public sealed record Result(Guid RefundId, string Status, decimal Amount);

    /// <summary>Sends one decided refund to Stripe.</summary>
    public sealed record Message(Guid PaymentId, Guid RefundId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Amount).GreaterThan(0m).WithMessage("Enter an amount to refund.");
            RuleFor(r => r.Reason).NotEmpty().MaximumLength(500).WithMessage("Say why the money goes back.");
        }
    }

    internal sealed class RequestHandler(PortalDbContext db, ICurrentUser user, IClock clock, IOptions<RefundOptions> options, OutboxWriter outbox)
        : IRequestHandler<Request, Result>
    {
        public async Task<Result> Handle(Request request, CancellationToken cancellationToken)
        {
            var payment = await db.Payments.FirstOrDefaultAsync(p => p.Key == request.PaymentId, cancellationToken)
                ?? throw new NotFoundException($"Payment {request.PaymentId}");
            var refund = await StartAsync(
                db, outbox, payment, request.RequestId ?? Guid.NewGuid(), Money.Yuan(request.Amount), request.Reason!, options.Value, user.Actor, clock.UtcNow,
                cancellationToken);
            return new Result(refund.Key, refund.Status.ToString(), refund.Amount.Amount);
        }
    }

    internal sealed class ApproveHandler(PortalDbContext db, ICurrentUser user, IClock clock, OutboxWriter outbox) : IRequestHandler<Approve, Result>
    {
        public async Task<Result> Handle(Approve request, CancellationToken cancellationToken)
        {
            var payment = await db.Payments.FirstOrDefaultAsync(p => p.Key == request.PaymentId, cancellationToken)
                ?? throw new NotFoundException($"Payment {request.PaymentId}");
            payment.ApproveRefund(request.RefundId, user.Actor, clock.UtcNow);
            var refund = payment.Refunds.Single(r => r.Key == request.RefundId);
            await Decided(db, outbox, payment, refund, user.Actor, clock.UtcNow, cancellationToken);
            return new Result(refund.Key, refund.Status.ToString(), refund.Amount.Amount);
        }
    }

    /// <summary>Calls Stripe after the decision committed; the refund id is the idempotency key, so a retry never refunds twice.</summary>
    internal sealed class SendHandler(PortalDbContext db, IPaymentGateway gateway) : IOutboxHandler<Message>
    {
        public async Task HandleAsync(Message message, OutboxAttempt attempt, CancellationToken cancellationToken)
        {
            var payment = await db.Payments.FirstAsync(p => p.Key == message.PaymentId, cancellationToken);
            var refund = payment.Refunds.Single(r => r.Key == message.RefundId);
            if (refund.Status != RefundStatus.Requested || refund.Reference is not null)
            {
                return;
            }

            var sent = await gateway.RefundAsync(refund.Key, payment.Reference!, refund.Amount, payment.OrderNumber, cancellationToken);
            payment.AttachRefundReference(refund.Key, sent.Id);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Asks for a refund on a payment; under the limit it is decided (and, online, sent) at once.</summary>
    internal static async Task<PaymentRefund> StartAsync(
        PortalDbContext db, OutboxWriter outbox, Payment payment, Guid refundKey, Money amount, string reason, RefundOptions options, string actor,
        DateTime now, CancellationToken cancellationToken)
    {
        var refund = payment.RequestRefund(refundKey, amount, reason, new RefundPolicy(Money.Yuan(options.SecondApprovalAbove)), actor, now);
        if (refund.Status == RefundStatus.Requested)
        {
            await Decided(db, outbox, payment, refund, actor, now, cancellationToken);
        }

        return refund;
    }

    private static async Task Decided(
        PortalDbContext db, OutboxWriter outbox, Payment payment, PaymentRefund refund, string actor, DateTime now, CancellationToken cancellationToken)
    {
        await db.PostOnceAsync(Postings.RefundOwed(payment, refund, actor, now), cancellationToken);
        if (payment.Channel is PaymentChannel.Online or PaymentChannel.Terminal)
        {
            outbox.Enqueue(new Message(payment.Key, refund.Key));
        }
    }
}
