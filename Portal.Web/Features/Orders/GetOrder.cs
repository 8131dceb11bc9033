using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>
/// One order with its lines, money, status, payment status and full timeline. An opportunity number ("OP...")
/// answers too, as an Appointment-flow record, so an intake client can follow up what it registered.
/// </summary>
public static class GetOrder
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Integration)]
    public sealed record Query(string Number) : IRequest<OrderDetail>;

    public sealed record OrderDetail(
        string Number,
        string Flow,
        string Status,
        string PaymentStatus,
        string? PaymentMethod,
        string CustomerName,
        string PhoneMasked,
        IReadOnlyList<Line> Lines,
        decimal GoodsTotal,
        decimal Discount,
        decimal PrestoreAmount,
        decimal PrestoreCredit,
        decimal Total,
        decimal AmountToCollect,
        string? PolicyCode,
        string? TrackingCode,
        string? DeliveryAddress,
        string? DeliveryWindow,
        string? Courier,
        DateTime CreatedAtUtc,
        string CreatedBy,
        IReadOnlyList<TimelineEntry> Timeline,
        IReadOnlyList<PaymentRow> Payments,
        AppointmentDetail? Appointment = null,
        int Version = 0)
    {
        public bool IsAppointment => Flow == nameof(OrderFlow.Appointment);

        public bool CanCancel => Flow != nameof(OrderFlow.Appointment)
            && Enum.TryParse<OrderStatus>(Status, out var status)
            && Enum.TryParse<OrderFlow>(Flow, out var flow)
            && OrderTransitions.IsAllowed(flow, status, OrderStatus.Cancelled);
    }

    /// <summary>When and how the customer wants to be contacted (appointments only; China time is shown by the page).</summary>
    public sealed record AppointmentDetail(DateTime PreferredAtUtc, string Channel, string? Note, string? ConvertedOrderNumber);

    public sealed record Line(string Sku, string Name, string Kind, decimal UnitPrice, int Quantity, decimal LineTotal, IReadOnlyList<string> Serials);

    /// <param name="Actor">Who acted, as recorded (the API shows this).</param>
    /// <param name="ActorName">That person's current display name, for pages.</param>
    public sealed record TimelineEntry(DateTime AtUtc, string Actor, string? FromStatus, string ToStatus, string? Reason, string? ActorName = null);

    /// <summary>One payment attempt; Reference is the PaymentIntent id (Online, Terminal) or the POS slip.</summary>
    public sealed record PaymentRow(Guid Id, string Method, string Status, decimal Amount, decimal Refunded, string? Reference, DateTime AtUtc);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, OrderDetail>
    {
        public async Task<OrderDetail> Handle(Query request, CancellationToken cancellationToken)
        {
            var number = (request.Number ?? "").Trim().ToUpperInvariant();
            return number.StartsWith("OP", StringComparison.Ordinal)
                ? await Opportunity(number, cancellationToken)
                : await Order(number, cancellationToken);
        }

        private async Task<OrderDetail> Order(string number, CancellationToken cancellationToken)
        {
            var order = await db.Orders.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(o => o.Number == number, cancellationToken)
                ?? throw new NotFoundException($"Order {number}");
            var payments = await db.Payments.AsNoTracking().Where(p => p.OrderNumber == order.Number).OrderBy(p => p.CreatedAtUtc).ToListAsync(cancellationToken);
            var names = await PeopleNames.ForAsync(db, order.Timeline.Select(t => t.Actor).Append(order.CreatedBy), cancellationToken);
            return new OrderDetail(
                order.Number,
                order.Flow.ToString(),
                order.Status.ToString(),
                order.PaymentStatus.ToString(),
                order.PaymentMethod.ToString(),
                order.CustomerName,
                order.Phone.Masked,
                order.Lines.Select(l => new Line(l.Sku, l.Name, l.Kind.ToString(), l.UnitPrice.Amount, l.Quantity, l.LineTotal.Amount, l.Serials.ToList())).ToList(),
                order.GoodsTotal.Amount,
                order.Discount.Amount,
                order.PrestoreAmount.Amount,
                order.PrestoreCredit.Amount,
                order.Total.Amount,
                order.AmountToCollect.Amount,
                order.PolicyCode,
                order.TrackingCode?.Value,
                order.DeliveryAddress is { } a ? $"{a.City}{a.District}{a.Line}" : null,
                order.DeliveryWindow?.ToString(),
                order.Courier,
                order.CreatedAtUtc,
                names[order.CreatedBy],
                order.Timeline.Select(t => new TimelineEntry(t.AtUtc, t.Actor, t.FromStatus?.ToString(), t.ToStatus.ToString(), t.Reason, names[t.Actor])).ToList(),
                payments.Select(p => new PaymentRow(
                    p.Key,
                    p.Channel.ToString(),
                    p.Status.ToString(),
                    p.Amount.Amount,
                    p.Refunded.Amount,
                    p.Channel == PaymentChannel.Cash ? null : p.Reference,
                    p.SettledAtUtc ?? p.CreatedAtUtc)).ToList(),
                Version: order.Version);
        }

        private async Task<OrderDetail> Opportunity(string number, CancellationToken cancellationToken)
        {
            var opportunity = await db.Opportunities.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(o => o.Number == number, cancellationToken)
                ?? throw new NotFoundException($"Order {number}");
            var lines = opportunity.InterestedLines
                .Select(l => new Line(l.Sku, l.Name, "", l.UnitPrice.Amount, l.Quantity, (l.UnitPrice * l.Quantity).Amount, []))
                .ToList();
            var total = lines.Sum(l => l.LineTotal);
            var names = await PeopleNames.ForAsync(db, opportunity.Timeline.Select(t => t.Actor).Append(opportunity.CreatedBy), cancellationToken);
            return new OrderDetail(
                opportunity.Number,
                nameof(OrderFlow.Appointment),
                opportunity.Status.ToString(),
                nameof(PaymentStatus.Unpaid),
                null,
                opportunity.CustomerName,
                opportunity.Phone.Masked,
                lines,
                total,
                0m,
                0m,
                0m,
                total,
                0m,
                null,
                null,
                null,
                null,
                null,
                opportunity.CreatedAtUtc,
                names[opportunity.CreatedBy],
                opportunity.Timeline.Select(t => new TimelineEntry(t.AtUtc, t.Actor, t.FromStatus?.ToString(), t.ToStatus.ToString(), t.Reason, names[t.Actor])).ToList(),
                [],
                new AppointmentDetail(opportunity.PreferredAtUtc, opportunity.PreferredChannel.ToString(), opportunity.Note, opportunity.ConvertedOrderNumber));
        }
    }
}
