using FluentValidation;
using MediatR;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Domain.Payments;

namespace Portal.Web.Features.Delivery;

/// <summary>
/// The courier takes the amount due at the door, from the stop page: the stop notes it, and the payment itself is
/// <see cref="Payments.CollectPayment"/> (change, POS slip reuse, ledger, order status), joined in this transaction.
/// </summary>
public static class CollectPayment
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, decimal Tendered, string? SlipReference = null, Guid? RequestId = null, string? TerminalId = null)
        : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.Tendered).GreaterThan(0).WithMessage("Enter the amount collected.");
            RuleFor(c => c.SlipReference).MaximumLength(64).WithMessage("A slip reference has at most 64 characters.");
            RuleFor(c => c.TerminalId).MaximumLength(64).WithMessage("Enter the POS terminal id.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, ScopedSender sender) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            if (!stop.RecordPaymentCollected(courier.Id, Money.Yuan(request.Tendered)))
            {
                return new StopChanged(stop.Id, stop.Status, false);
            }

            var pos = stop.Collection == CollectionMethod.Pos;
            await sender.Send(
                new Payments.CollectPayment.Command(
                    stop.OrderNumber,
                    pos ? nameof(PaymentChannel.Pos) : nameof(PaymentChannel.Cash),
                    request.Tendered,
                    request.SlipReference,
                    request.TerminalId,
                    request.RequestId),
                user.Principal,
                cancellationToken);
            return new StopChanged(stop.Id, stop.Status, true);
        }
    }
}
