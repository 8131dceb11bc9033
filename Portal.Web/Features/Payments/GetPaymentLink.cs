using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Payments;

/// <summary>
/// What the public pay page shows for a payment link: order number, items, amount and the masked phone, nothing
/// else personal. Whoever holds the link's unguessable token may see this much; an unknown token is "not found".
/// </summary>
public static class GetPaymentLink
{
    public enum LinkState
    {
        /// <summary>Waiting for the customer to pay.</summary>
        Open,

        /// <summary>The last try was declined; the customer may try again while the link lasts.</summary>
        Declined,

        Paid,
        Expired,

        /// <summary>The order (or this attempt) was cancelled: nothing is to be paid through it.</summary>
        Cancelled,
    }

    [AllowAnonymousRequest]
    public sealed record Query(Guid Token) : IRequest<PaymentLink>;

    public sealed record PaymentLink(
        string OrderNumber, string PhoneMasked, IReadOnlyList<Item> Items, decimal Amount, LinkState State, DateTime ExpiresAtUtc, string? FailureReason)
    {
        public bool CanPay => State is LinkState.Open or LinkState.Declined;
    }

    public sealed record Item(string Name, int Quantity, decimal LineTotal);

    internal sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, PaymentLink>
    {
        public async Task<PaymentLink> Handle(Query request, CancellationToken cancellationToken)
        {
            var payment = await db.Payments.AsNoTracking()
                .FirstOrDefaultAsync(p => p.Key == request.Token && p.Channel == PaymentChannel.Online && p.LinkExpiresAtUtc != null, cancellationToken)
                ?? throw new NotFoundException("Payment link");
            var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Number == payment.OrderNumber, cancellationToken);
            return new PaymentLink(
                order.Number,
                order.Phone.Masked,
                [.. order.Lines.Select(l => new Item(l.Name, l.Quantity, l.LineTotal.Amount))],
                payment.Amount.Amount,
                StateOf(payment, order, clock.GetUtcNow().UtcDateTime),
                payment.LinkExpiresAtUtc!.Value,
                payment.Status == PaymentAttemptStatus.Failed ? payment.FailureReason : null);
        }
    }

    /// <summary>
    /// Paid wins over everything (money taken is never "expired"); a closed order wins over the clock; an expired
    /// link says so even after the sweep cancelled its attempt.
    /// </summary>
    public static LinkState StateOf(Payment payment, Order order, DateTime nowUtc) =>
        payment.IsCaptured || order.PaymentStatus is not PaymentStatus.Unpaid ? LinkState.Paid
        : order.Status is OrderStatus.Cancelled or OrderStatus.Returned or OrderStatus.ProvisioningFailed ? LinkState.Cancelled
        : payment.LinkExpiresAtUtc <= nowUtc ? LinkState.Expired
        : payment.Status == PaymentAttemptStatus.Cancelled ? LinkState.Cancelled
        : payment.Status == PaymentAttemptStatus.Failed ? LinkState.Declined
        : LinkState.Open;
}
