using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Jobs;
using Portal.Web.Common.Security;
using Stripe;

namespace Portal.Web.Features.Payments;

/// <summary>
/// The payment-link sweep: an unpaid attempt whose link expired is cancelled here, and its PaymentIntent is cancelled at
/// Stripe from the outbox after this commits, so the customer can no longer pay through it. A cancelled attempt is
/// not found again, so a repeated run (another node, a crash) changes nothing.
/// </summary>
public static class ExpirePaymentLinks
{
    public const string Kind = "payments.cancel-intent";
    private const int BatchSize = 200;

    [AuthorizeRequest(Roles.System)]
    public sealed record Command : ICommand<IReadOnlyList<Guid>>;

    /// <summary>Cancels one expired attempt's intent at Stripe.</summary>
    public sealed record Message(Guid PaymentId, string IntentId);

    internal sealed class Handler(PortalDbContext db, IClock clock, OutboxWriter outbox) : IRequestHandler<Command, IReadOnlyList<Guid>>
    {
        public async Task<IReadOnlyList<Guid>> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var expired = await db.Payments
                .Where(p => p.Channel == PaymentChannel.Online
                    && (p.Status == PaymentAttemptStatus.Pending || p.Status == PaymentAttemptStatus.Failed)
                    && p.LinkExpiresAtUtc != null && p.LinkExpiresAtUtc <= now)
                .OrderBy(p => p.LinkExpiresAtUtc)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var payment in expired)
            {
                payment.Cancel("Payment link expired", SweepJob.JobName, now);
                if (payment.Reference is { } intent)
                {
                    outbox.Enqueue(new Message(payment.Key, intent));
                }
            }

            return [.. expired.Select(p => p.Key)];
        }
    }

    /// <summary>Keyed by the payment id: a retried cancel replays. An intent that succeeded meanwhile stays as it is; its webhook says so.</summary>
    internal sealed class CancelHandler(IPaymentGateway gateway) : IOutboxHandler<Message>
    {
        public async Task HandleAsync(Message message, OutboxAttempt attempt, CancellationToken cancellationToken)
        {
            try
            {
                await gateway.CancelIntentAsync(message.PaymentId, message.IntentId, cancellationToken);
            }
            catch (StripeException ex) when (ex.StripeError?.Code == "payment_intent_unexpected_state")
            {
                // Already succeeded or cancelled at Stripe: nothing left to stop.
            }
        }
    }

    /// <summary>Runs the sweep on one node at a time.</summary>
    internal sealed class SweepJob(ScopedSender sender, JobLeases leases, TimeProvider time, IOptions<PaymentLinkOptions> options, ILogger<SweepJob> logger)
        : LeasedJob(leases, time, logger)
    {
        public const string JobName = "payment-link-sweep";

        protected override string Name => JobName;

        protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SweepEveryMinutes);

        protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
            sender.Send(new Command(), SystemPrincipal.For(Name), cancellationToken);
    }
}
