using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Payments;

/// <summary>
/// At the door: the courier records cash taken (the change is computed) or a standalone bank POS slip (refused
/// if its reference was used before). The money lands in the courier's own cash account or in POS clearing, and
/// the order re-derives its payment status. A courier collects only for orders assigned to them.
/// </summary>
public static class CollectPayment
{
    [AuthorizeRequest(Roles.Courier, Roles.Cashier, Roles.BackOffice)]
    public sealed record Command(
        string OrderNumber, string? Method, decimal? Tendered = null, string? SlipReference = null, string? TerminalId = null, Guid? RequestId = null)
        : ICommand<Result>, IIdempotentCommand;

    public sealed record Result(Guid PaymentId, string Method, decimal Amount, decimal Change, string PaymentStatus);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Method).Must(m => m is nameof(PaymentChannel.Cash) or nameof(PaymentChannel.Pos))
                .WithMessage("Choose cash or bank POS.");
            When(c => c.Method == nameof(PaymentChannel.Cash), () =>
                RuleFor(c => c.Tendered).NotNull().GreaterThan(0m).WithMessage("Enter the cash the customer handed over."));
            When(c => c.Method == nameof(PaymentChannel.Pos), () =>
            {
                RuleFor(c => c.SlipReference).NotEmpty().MaximumLength(64).WithMessage("Enter the slip reference printed by the POS.");
                RuleFor(c => c.TerminalId).NotEmpty().MaximumLength(64).WithMessage("Enter the POS terminal id.");
            });
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var (order, payments, due) = await AtTheDoorAsync(db, user, request.OrderNumber, cancellationToken);
            var now = clock.UtcNow;
            var key = request.RequestId ?? Guid.NewGuid();
            Payment payment;
            if (request.Method == nameof(PaymentChannel.Cash))
            {
                payment = Payment.CollectCash(key, order.Number, due, Money.Yuan(request.Tendered!.Value), user.Name, now);
            }
            else
            {
                var slip = request.SlipReference!.Trim();
                if (await db.Payments.AnyAsync(p => p.Channel == PaymentChannel.Pos && p.Reference == slip, cancellationToken))
                {
                    throw new DomainException("payment.slip_reused", $"POS slip {slip} was already used for a payment");
                }

                payment = Payment.RecordPosSlip(key, order.Number, due, slip, request.TerminalId!, user.Name, now);
            }

            await DoorPayments.Record(db, payment, user.Actor, now, cancellationToken);
            return new Result(payment.Key, payment.Channel.ToString(), payment.Amount.Amount, payment.Change.Amount, order.PaymentStatus.ToString());
        }
    }

    /// <summary>
    /// The order the courier (or station) is collecting for, what its payments are, and what is still due. A courier
    /// sees only their own stops: another courier's order answers exactly like an unknown one.
    /// </summary>
    internal static async Task<(Order Order, List<Payment> Payments, Money Due)> AtTheDoorAsync(
        PortalDbContext db, ICurrentUser user, string? orderNumber, CancellationToken cancellationToken)
    {
        var number = (orderNumber ?? "").Trim().ToUpperInvariant();
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Number == number, cancellationToken)
            ?? throw new NotFoundException($"Order {number}");
        // A courier sees only their own stops: another courier's order answers exactly like an unknown one.
        if (user.IsInRole(Roles.Courier) && !string.Equals(order.Courier, user.Name, StringComparison.OrdinalIgnoreCase)
            && !await db.Deliveries.AnyAsync(d => d.OrderNumber == order.Number && db.Couriers.Any(c => c.Id == d.CourierId && c.Login == user.Name), cancellationToken))
        {
            throw new NotFoundException($"Order {number}");
        }

        if (order.Status is not (OrderStatus.Assigned or OrderStatus.OutForDelivery or OrderStatus.FailedAttempt))
        {
            throw new DomainException("payment.not_at_the_door", $"Order {order.Number} is {order.Status}; payment is collected while it is with the courier");
        }

        var payments = await db.Payments.Where(p => p.OrderNumber == order.Number).ToListAsync(cancellationToken);
        var due = PaymentSummary.Of(order.Total, payments).Outstanding;
        if (due == Money.Zero)
        {
            throw new DomainException("payment.nothing_due", $"Order {order.Number} is already paid");
        }

        return (order, payments, due);
    }
}

/// <summary>Money taken at the door (by our courier, a cashier or the courier company), posted once and applied to the order so it counts as paid.</summary>
internal static class DoorPayments
{
    public static async Task Record(PortalDbContext db, Payment payment, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        db.Payments.Add(payment);
        var order = db.Orders.Local.FirstOrDefault(o => o.Number == payment.OrderNumber)
            ?? await db.Orders.FirstAsync(o => o.Number == payment.OrderNumber, cancellationToken);
        await db.EnsureInvoicedAsync(order, actor, nowUtc, cancellationToken);
        await db.PostOnceAsync(Postings.PaymentCaptured(payment, actor, nowUtc), cancellationToken);
        var payments = await db.Payments.Where(p => p.OrderNumber == order.Number).ToListAsync(cancellationToken);
        order.ApplyPayments(payments.Append(payment).Distinct(), actor, nowUtc);
    }
}
