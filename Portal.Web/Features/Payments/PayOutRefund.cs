using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Inventory;
using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.Payments;

/// <summary>
/// A decided refund of a cash or bank POS payment waits for the station cashier, who hands the money back (cash out
/// of the station's safe, a POS refund through the terminal) and records it here; the order's payment status follows.
/// </summary>
public static class PayOutRefund
{
    [AuthorizeRequest(Roles.Cashier)]
    public sealed record Command(Guid PaymentId, Guid RefundId, string? Station) : ICommand<Unit>;

    [AuthorizeRequest(Roles.Cashier, Roles.Finance)]
    public sealed record Query : IRequest<Worklist>;

    public sealed record Worklist(IReadOnlyList<ToPayOut> Refunds, IReadOnlyList<Station> Stations);

    public sealed record ToPayOut(Guid PaymentId, Guid RefundId, string OrderNumber, string Channel, decimal Amount, string Reason, string RequestedBy, DateTime RequestedAtUtc);

    public sealed record Station(string Code, string Name);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Station).NotEmpty().WithMessage("Choose the station the money is paid out at.");
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var station = await db.StockLocations.FirstOrDefaultAsync(l => l.Code == request.Station && l.Kind == StockLocationKind.Station, cancellationToken)
                ?? throw RequestValidationException.For(nameof(Command.Station), "Choose the station the money is paid out at.");
            var payment = await db.Payments.FirstOrDefaultAsync(p => p.Key == request.PaymentId, cancellationToken)
                ?? throw new NotFoundException($"Payment {request.PaymentId}");
            if (payment.Channel is not (PaymentChannel.Cash or PaymentChannel.Pos))
            {
                throw new DomainException("refund.not_at_the_desk", $"A {payment.Channel} refund goes back through Stripe, not the cashier");
            }

            var now = clock.UtcNow;
            payment.CompleteRefund(request.RefundId, null, now);
            var refund = payment.Refunds.Single(r => r.Key == request.RefundId);
            await db.PostOnceAsync(Postings.RefundPaid(payment, refund, station.Code, user.Actor, now), cancellationToken);
            var order = await db.Orders.FirstAsync(o => o.Number == payment.OrderNumber, cancellationToken);
            order.ApplyPayments(await db.Payments.Where(p => p.OrderNumber == order.Number).ToListAsync(cancellationToken), user.Actor, now);
            return Unit.Value;
        }
    }

    internal sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Worklist>
    {
        public async Task<Worklist> Handle(Query request, CancellationToken cancellationToken)
        {
            var payments = await db.Payments.AsNoTracking()
                .Where(p => (p.Channel == PaymentChannel.Cash || p.Channel == PaymentChannel.Pos) && p.Refunds.Any(r => r.Status == RefundStatus.Requested))
                .ToListAsync(cancellationToken);
            var stations = await db.StockLocations.AsNoTracking().Where(l => l.Kind == StockLocationKind.Station)
                .OrderBy(l => l.Code).Select(l => new Station(l.Code, l.Name)).ToListAsync(cancellationToken);
            var name = await PeopleNames.NamerAsync(db, payments.SelectMany(p => p.Refunds.Select(r => r.RequestedBy)), cancellationToken);
            return new Worklist(
                [.. payments.SelectMany(p => p.Refunds.Where(r => r.Status == RefundStatus.Requested), (p, r) => new ToPayOut(
                    p.Key, r.Key, p.OrderNumber, p.Channel.ToString(), r.Amount.Amount, r.Reason, name(r.RequestedBy)!, r.RequestedAtUtc)).OrderBy(r => r.RequestedAtUtc)],
                stations);
        }
    }
}
