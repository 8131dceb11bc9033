using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Payments;

/// <summary>
/// Stripe Terminal, server-driven: what is due is recorded as a pending Terminal payment, and after that commits the
/// outbox hands a card_present PaymentIntent (keyed by our payment id) to the station's reader. The customer taps;
/// only Stripe's webhook marks the payment succeeded, found by the payment id in the intent's metadata.
/// </summary>
public static class ChargeOnTerminal
{
    public const string Kind = "payments.terminal";

    [AuthorizeRequest(Roles.Courier, Roles.Cashier, Roles.BackOffice)]
    public sealed record Command(string OrderNumber, string? ReaderId, Guid? RequestId = null) : ICommand<Result>, IIdempotentCommand;

    public sealed record Result(Guid PaymentId, decimal Amount, string Status);

    /// <summary>Hands one pending Terminal payment to its reader.</summary>
    public sealed record Message(Guid PaymentId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.ReaderId).NotEmpty().MaximumLength(64).WithMessage("Choose the card reader.");
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, OutboxWriter outbox) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var (order, _, due) = await CollectPayment.AtTheDoorAsync(db, user, request.OrderNumber, cancellationToken);
            var payment = Payment.StartTerminal(request.RequestId ?? Guid.NewGuid(), order.Number, due, request.ReaderId!.Trim(), user.Actor, clock.UtcNow);
            db.Payments.Add(payment);
            outbox.Enqueue(new Message(payment.Key));
            return new Result(payment.Key, payment.Amount.Amount, payment.Status.ToString());
        }
    }

    /// <summary>Keyed by the payment id: a retry hands the reader the same intent, never a second charge.</summary>
    internal sealed class SendHandler(PortalDbContext db, IPaymentGateway gateway) : IOutboxHandler<Message>
    {
        public async Task HandleAsync(Message message, OutboxAttempt attempt, CancellationToken cancellationToken)
        {
            var payment = await db.Payments.FirstAsync(p => p.Key == message.PaymentId, cancellationToken);
            if (payment.Status != PaymentAttemptStatus.Pending || payment.Reference is not null)
            {
                return;
            }

            var intent = await gateway.StartTerminalPaymentAsync(payment.Key, payment.OrderNumber, payment.Amount, payment.TerminalId!, cancellationToken);
            payment.AttachProviderReference(intent.Id);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
