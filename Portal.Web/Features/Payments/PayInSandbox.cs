using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Payments.Sandbox;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Payments;

/// <summary>
/// The customer pays (or is declined) on the pay page while the sandbox is the gateway. Nothing is marked paid
/// here: the sandbox answers with a signed webhook, and only that moves the payment, as with Stripe.
/// </summary>
public static class PayInSandbox
{
    [AllowAnonymousRequest]
    public sealed record Command(Guid Token, string Method, bool Decline = false) : IRequest<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Method).Must(m => StripeGateway.OnlineMethods.Contains(m)).WithMessage("Choose card, Alipay or WeChat Pay.");
    }

    internal sealed class Handler(PortalDbContext db, TimeProvider clock, SandboxCheckout? checkout = null) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (checkout is null)
            {
                throw new DomainException("payment.no_sandbox", "Payments go through Stripe's own payment form here");
            }

            var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Key == request.Token, cancellationToken)
                ?? throw new NotFoundException("Payment link");
            var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Number == payment.OrderNumber, cancellationToken);
            var state = GetPaymentLink.StateOf(payment, order, clock.GetUtcNow().UtcDateTime);
            if (state is not (GetPaymentLink.LinkState.Open or GetPaymentLink.LinkState.Declined))
            {
                throw new DomainException("payment.link_closed", $"The payment link for order {order.Number} is {state}");
            }

            if (request.Decline)
            {
                await checkout.DeclineAsync(payment.Reference!, cancellationToken);
            }
            else
            {
                await checkout.PayAsync(payment.Reference!, request.Method, cancellationToken);
            }

            return Unit.Value;
        }
    }
}
