using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>Orders by number, customer phone, status and creation date (China time), newest first.</summary>
public static class SearchOrders
{
    public const int PageSize = 50;

    [AuthorizeRequest(Roles.Rep, Roles.BackOffice)]
    public sealed record Query(string? Number = null, string? Phone = null, OrderStatus? Status = null, DateOnly? From = null, DateOnly? To = null)
        : IRequest<IReadOnlyList<OrderRow>>;

    public sealed record OrderRow(string Number, string Flow, string Status, string PaymentStatus, string CustomerName, string PhoneMasked, decimal Total, DateTime CreatedAtUtc);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<OrderRow>>
    {
        public async Task<IReadOnlyList<OrderRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var orders = db.Orders.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(request.Number))
            {
                var number = request.Number.Trim().ToUpperInvariant();
                orders = orders.Where(o => o.Number.StartsWith(number));
            }

            if (!string.IsNullOrWhiteSpace(request.Phone))
            {
                // A wrong number finds nothing rather than failing the search.
                if (!Msisdn.TryParse(request.Phone, out var phone, out _))
                {
                    return [];
                }

                orders = orders.Where(o => o.Phone == phone);
            }

            if (request.Status is { } status)
            {
                orders = orders.Where(o => o.Status == status);
            }

            if (request.From is { } from)
            {
                var fromUtc = ChinaTime.StartOfDayUtc(from);
                orders = orders.Where(o => o.CreatedAtUtc >= fromUtc);
            }

            if (request.To is { } to)
            {
                var toUtc = ChinaTime.StartOfDayUtc(to.AddDays(1));
                orders = orders.Where(o => o.CreatedAtUtc < toUtc);
            }

            var rows = await orders
                .OrderByDescending(o => o.CreatedAtUtc)
                .Take(PageSize)
                .Select(o => new { o.Number, o.Flow, o.Status, o.PaymentStatus, o.CustomerName, o.Phone, o.Total, o.CreatedAtUtc })
                .ToListAsync(cancellationToken);
            return rows.Select(o => new OrderRow(o.Number, o.Flow.ToString(), o.Status.ToString(), o.PaymentStatus.ToString(), o.CustomerName, o.Phone.Masked, o.Total.Amount, o.CreatedAtUtc)).ToList();
        }
    }
}
