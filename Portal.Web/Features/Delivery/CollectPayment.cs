using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Payments;

namespace Portal.Web.Features.Delivery;

/// <summary>
/// The courier takes the amount due at the door: cash (tendered, change given back) or a POS slip. The payment is
/// recorded and posted like any other, and the order counts as paid before the goods are handed over.
/// </summary>
public static class CollectPayment
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, decimal Tendered, string? SlipReference = null, Guid? RequestId = null)
        : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.Tendered).GreaterThan(0).WithMessage("Enter the amount collected.");
            RuleFor(c => c.SlipReference).MaximumLength(64).WithMessage("A slip reference has at most 64 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            if (!stop.RecordPaymentCollected(courier.Id, Money.Yuan(request.Tendered)))
            {
                return new StopChanged(stop.Id, stop.Status, false);
            }

            var now = clock.UtcNow;
            var payment = stop.Collection == CollectionMethod.Pos
                ? Domain.Payments.Payment.RecordPosSlip(
                    request.RequestId ?? Guid.NewGuid(), stop.OrderNumber, stop.AmountToCollect,
                    request.SlipReference ?? throw new DomainException("delivery.slip_required", "Enter the POS slip reference"), courier.Login, user.Name, now)
                : Domain.Payments.Payment.CollectCash(
                    request.RequestId ?? Guid.NewGuid(), stop.OrderNumber, stop.AmountToCollect, Money.Yuan(request.Tendered), user.Name, now);
            await DoorPayments.Record(db, payment, user.Name, now, cancellationToken);
            return new StopChanged(stop.Id, stop.Status, true);
        }
    }
}

/// <summary>Money taken at the door, posted once and applied to the order so it counts as paid.</summary>
internal static class DoorPayments
{
    public static async Task Record(PortalDbContext db, Domain.Payments.Payment payment, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        db.Payments.Add(payment);
        var order = db.Orders.Local.FirstOrDefault(o => o.Number == payment.OrderNumber)
            ?? await db.Orders.FirstAsync(o => o.Number == payment.OrderNumber, cancellationToken);
        await db.EnsureInvoicedAsync(order, actor, nowUtc, cancellationToken);
        await db.PostOnceAsync(Domain.Ledger.Postings.PaymentCaptured(payment, actor, nowUtc), cancellationToken);
        var payments = await db.Payments.Where(p => p.OrderNumber == order.Number).ToListAsync(cancellationToken);
        order.ApplyPayments(payments.Append(payment).Distinct(), actor, nowUtc);
    }
}
