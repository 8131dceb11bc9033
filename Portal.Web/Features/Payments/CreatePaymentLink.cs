using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Sms;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Payments;

/// <summary>The "PaymentLinks" section.</summary>
public sealed class PaymentLinkOptions
{
    public const string Section = "PaymentLinks";

    /// <summary>Where customers reach the portal's public pay page.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often one node closes the links that expired.</summary>
    public int SweepEveryMinutes { get; set; } = 5;
}

/// <summary>
/// A link the customer pays an online order with: one payment attempt and its PaymentIntent (for what is still
/// outstanding), opened through an unguessable token. While a link is open and unexpired it is handed out again
/// rather than starting a second intent.
/// </summary>
public static class CreatePaymentLink
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Integration)]
    public sealed record Command(string OrderNumber) : ICommand<Result>;

    public sealed record Result(string Url, string PaymentIntentId, DateTime ExpiresAtUtc);

    internal sealed class Handler(
        PortalDbContext db, IPaymentGateway gateway, ICurrentUser user, TimeProvider clock, IOptions<PaymentLinkOptions> options, OutboxWriter outbox)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var number = (request.OrderNumber ?? "").Trim().ToUpperInvariant();
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Number == number, cancellationToken)
                ?? throw new NotFoundException($"Order {number}");
            if (order.PaymentMethod != PaymentMethod.Online)
            {
                throw new DomainException("payment.link_not_online", $"Order {order.Number} is paid by {order.PaymentMethod}, not online");
            }

            if (order.Status is OrderStatus.Cancelled or OrderStatus.Returned or OrderStatus.ProvisioningFailed)
            {
                throw new DomainException("payment.order_closed", $"Order {order.Number} is {order.Status}; nothing is paid for it any more");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var payments = await db.Payments.Where(p => p.OrderNumber == order.Number).ToListAsync(cancellationToken);
            var outstanding = PaymentSummary.Of(order.Total, payments).Outstanding;
            if (outstanding == Money.Zero)
            {
                throw new DomainException("payment.nothing_due", $"Order {order.Number} is already paid");
            }

            if (payments.FirstOrDefault(p => p.Channel == PaymentChannel.Online && p.LinkIsOpen(now) && p.Amount == outstanding) is { } open)
            {
                return Link(open);
            }

            var key = Guid.NewGuid();
            var payment = Payment.StartOnline(key, order.Number, outstanding, user.Actor, now, now + options.Value.Lifetime);
            // Keyed by the payment id: if this call is retried (here or inside Stripe.net) it returns the same intent.
            var intent = await gateway.CreateOnlineIntentAsync(key, order.Number, outstanding, cancellationToken);
            payment.AttachProviderReference(intent.Id);
            db.Payments.Add(payment);
            var link = Link(payment);
            // Texted once, when the link is made; the SMS leaves after this commits.
            outbox.Enqueue(new SmsMessage(order.Phone.Value, Text(order.Number, outstanding, link)));
            return link;
        }

        private Result Link(Payment payment) => new(UrlOf(options.Value, payment), payment.Reference!, payment.LinkExpiresAtUtc!.Value);
    }

    /// <summary>The customer's text, in Chinese as the customers read it; the expiry in China time.</summary>
    public static string Text(string orderNumber, Money amount, Result link) =>
        $"【移动商城】您的订单 {orderNumber} 待支付 {amount}，请在 {ChinaTime.Format(link.ExpiresAtUtc)}（北京时间）前点击链接完成支付：{link.Url}";

    public static string UrlOf(PaymentLinkOptions options, Payment payment) => $"{options.PublicBaseUrl.TrimEnd('/')}/pay/{payment.Key:N}";
}
