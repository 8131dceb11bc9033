using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>
/// Orders and registered appointments by number, customer phone, status and creation date (China time), one page
/// at a time, newest first unless another sort is asked for. Appointments are listed beside orders because the rep
/// took them on a call just the same; a status filter names an order status, so it lists orders only.
/// </summary>
public static class SearchOrders
{
    /// <summary>Sort keys the list can ask for (the row's property names); anything else sorts newest first.</summary>
    public static readonly IReadOnlyList<string> SortKeys = [nameof(OrderRow.CreatedAtUtc), nameof(OrderRow.Number), nameof(OrderRow.CustomerName)];

    [AuthorizeRequest(Roles.Rep, Roles.BackOffice)]
    public sealed record Query(
        string? Number = null,
        string? Phone = null,
        OrderStatus? Status = null,
        DateOnly? From = null,
        DateOnly? To = null,
        bool TakenByMe = false,
        ListRequest? Page = null) : IRequest<ListPage<OrderRow>>;

    public sealed record OrderRow(string Number, string Flow, string Status, string PaymentStatus, string CustomerName, string PhoneMasked, decimal Total, DateTime CreatedAtUtc)
    {
        public bool IsAppointment => Flow == nameof(OrderFlow.Appointment);
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, ListPage<OrderRow>>
    {
        public async Task<ListPage<OrderRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = request.Page ?? new ListRequest();
            Msisdn? phone = null;
            if (!string.IsNullOrWhiteSpace(request.Phone))
            {
                // A wrong number finds nothing rather than failing the search.
                if (!Msisdn.TryParse(request.Phone, out var parsed, out _))
                {
                    return ListPage<OrderRow>.Empty;
                }

                phone = parsed;
            }

            var number = request.Number?.Trim().ToUpperInvariant();
            DateTime? fromUtc = request.From is { } from ? ChinaTime.StartOfDayUtc(from) : null;
            DateTime? toUtc = request.To is { } to ? ChinaTime.StartOfDayUtc(to.AddDays(1)) : null;
            string? takenBy = request.TakenByMe ? user.Actor : null;

            // The same visibility rule as GetOrder: a number listed here always opens.
            var orders = db.Orders.AsNoTracking().VisibleTo(user);
            if (!string.IsNullOrEmpty(number)) orders = orders.Where(o => o.Number.StartsWith(number));
            if (phone is not null) orders = orders.Where(o => o.Phone == phone);
            if (request.Status is { } status) orders = orders.Where(o => o.Status == status);
            if (fromUtc is not null) orders = orders.Where(o => o.CreatedAtUtc >= fromUtc);
            if (toUtc is not null) orders = orders.Where(o => o.CreatedAtUtc < toUtc);
            if (takenBy is not null) orders = orders.Where(o => o.CreatedBy == takenBy);

            var appointments = db.Opportunities.AsNoTracking().VisibleTo(user);
            if (request.Status is not null) appointments = appointments.Where(o => false);
            if (!string.IsNullOrEmpty(number)) appointments = appointments.Where(o => o.Number.StartsWith(number));
            if (phone is not null) appointments = appointments.Where(o => o.Phone == phone);
            if (fromUtc is not null) appointments = appointments.Where(o => o.CreatedAtUtc >= fromUtc);
            if (toUtc is not null) appointments = appointments.Where(o => o.CreatedAtUtc < toUtc);
            if (takenBy is not null) appointments = appointments.Where(o => o.CreatedBy == takenBy);

            // Two tables, one list: read the first Skip+Size rows of each in the same order and merge them.
            var wanted = page.Skip + page.Size;
            var sortBy = SortKeys.Contains(page.SortBy) ? page.SortBy! : nameof(OrderRow.CreatedAtUtc);
            var descending = page.SortBy is null || !SortKeys.Contains(page.SortBy) || page.Descending;

            var orderRows = (await Sort(orders, sortBy, descending)
                    .Take(wanted)
                    .Select(o => new { o.Number, o.Flow, o.Status, o.PaymentStatus, o.CustomerName, o.Phone, o.Total, o.CreatedAtUtc })
                    .ToListAsync(cancellationToken))
                .Select(o => new OrderRow(o.Number, o.Flow.ToString(), o.Status.ToString(), o.PaymentStatus.ToString(), o.CustomerName, o.Phone.Masked, o.Total.Amount, o.CreatedAtUtc));
            var appointmentRows = (await Sort(appointments, sortBy, descending).Take(wanted).ToListAsync(cancellationToken))
                .Select(o => new OrderRow(
                    o.Number, nameof(OrderFlow.Appointment), o.Status.ToString(), "", o.CustomerName, o.Phone.Masked,
                    o.InterestedLines.Sum(l => l.UnitPrice.Amount * l.Quantity), o.CreatedAtUtc));

            var merged = Sort(orderRows.Concat(appointmentRows), sortBy, descending).Skip(page.Skip).Take(page.Size).ToList();
            var total = await orders.CountAsync(cancellationToken) + await appointments.CountAsync(cancellationToken);
            return new ListPage<OrderRow>(merged, total);
        }

        private static IQueryable<T> Sort<T>(IQueryable<T> rows, string sortBy, bool descending) where T : class =>
            (sortBy, descending) switch
            {
                (nameof(OrderRow.Number), false) => rows.OrderBy(r => EF.Property<string>(r, "Number")),
                (nameof(OrderRow.Number), true) => rows.OrderByDescending(r => EF.Property<string>(r, "Number")),
                (nameof(OrderRow.CustomerName), false) => rows.OrderBy(r => EF.Property<string>(r, "CustomerName")).ThenByDescending(r => EF.Property<DateTime>(r, "CreatedAtUtc")),
                (nameof(OrderRow.CustomerName), true) => rows.OrderByDescending(r => EF.Property<string>(r, "CustomerName")).ThenByDescending(r => EF.Property<DateTime>(r, "CreatedAtUtc")),
                (_, false) => rows.OrderBy(r => EF.Property<DateTime>(r, "CreatedAtUtc")),
                _ => rows.OrderByDescending(r => EF.Property<DateTime>(r, "CreatedAtUtc")),
            };

        private static IEnumerable<OrderRow> Sort(IEnumerable<OrderRow> rows, string sortBy, bool descending) =>
            (sortBy, descending) switch
            {
                (nameof(OrderRow.Number), false) => rows.OrderBy(r => r.Number, StringComparer.Ordinal),
                (nameof(OrderRow.Number), true) => rows.OrderByDescending(r => r.Number, StringComparer.Ordinal),
                (nameof(OrderRow.CustomerName), false) => rows.OrderBy(r => r.CustomerName, StringComparer.Ordinal).ThenByDescending(r => r.CreatedAtUtc),
                (nameof(OrderRow.CustomerName), true) => rows.OrderByDescending(r => r.CustomerName, StringComparer.Ordinal).ThenByDescending(r => r.CreatedAtUtc),
                (_, false) => rows.OrderBy(r => r.CreatedAtUtc),
                _ => rows.OrderByDescending(r => r.CreatedAtUtc),
            };
    }
}
