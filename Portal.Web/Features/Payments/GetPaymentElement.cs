using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Payments;

/// <summary>
/// What Stripe's Payment Element needs to take the payment on the customer's phone: the intent's client secret,
/// read back from Stripe for the intent we stored, and where Stripe sends the customer afterwards. Only an open
/// link gets it; the return proves nothing, the page waits for the webhook.
/// </summary>
public static class GetPaymentElement
{
    [AllowAnonymousRequest]
    public sealed record Query(Guid Token) : IRequest<Result>;

    public sealed record Result(string PublishableKey, string ClientSecret, string ReturnUrl);

    internal sealed class Handler(
        PortalDbContext db, IPaymentGateway gateway, IOptions<StripeOptions> stripe, IOptions<PaymentLinkOptions> links, TimeProvider clock)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var publishableKey = stripe.Value.PublishableKey
                ?? throw new DomainException("payment.no_payment_element", "No Stripe publishable key is configured");
            var payment = await db.Payments.AsNoTracking()
                .FirstOrDefaultAsync(p => p.Key == request.Token && p.Channel == PaymentChannel.Online && p.LinkExpiresAtUtc != null, cancellationToken)
                ?? throw new NotFoundException("Payment link");
            var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Number == payment.OrderNumber, cancellationToken);
            var state = GetPaymentLink.StateOf(payment, order, clock.GetUtcNow().UtcDateTime);
            if (state is not (GetPaymentLink.LinkState.Open or GetPaymentLink.LinkState.Declined) || payment.Reference is null)
            {
                throw new DomainException("payment.link_closed", $"The payment link for order {order.Number} is {state}");
            }

            var secret = await gateway.GetClientSecretAsync(payment.Reference, cancellationToken);
            return new Result(publishableKey, secret, CreatePaymentLink.UrlOf(links.Value, payment) + "?sent=pay");
        }
    }
}
