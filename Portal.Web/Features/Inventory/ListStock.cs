using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Inventory;

/// <summary>What each location holds of each SKU: on hand, reserved for orders, and still available to sell.</summary>
public static class ListStock
{
    [AuthorizeRequest(Roles.Admin, Roles.Rep, Roles.BackOffice, Roles.Dispatcher)]
    public sealed record Query(string? Sku = null, string? LocationCode = null) : IRequest<IReadOnlyList<StockRow>>;

    public sealed record StockRow(
        string Sku, string ProductName, ProductKind Kind, string LocationCode, string LocationName, int OnHand, int Reserved, int Available);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<StockRow>>
    {
        public async Task<IReadOnlyList<StockRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var sku = request.Sku?.Trim().ToUpperInvariant();
            var location = request.LocationCode?.Trim().ToUpperInvariant();
            var rows = await (from item in db.StockItems.AsNoTracking()
                              join loc in db.StockLocations.AsNoTracking() on item.LocationId equals loc.Id
                              join product in db.Products.AsNoTracking() on item.Sku equals product.Sku
                              where (string.IsNullOrEmpty(sku) || item.Sku == sku)
                                    && (string.IsNullOrEmpty(location) || loc.Code == location)
                              select new StockRow(
                                  item.Sku, product.Name, product.Kind, loc.Code, loc.Name, item.OnHand, item.Reserved, item.OnHand - item.Reserved))
                .ToListAsync(cancellationToken);

            return rows
                .OrderBy(r => r.Sku, StringComparer.Ordinal)
                .ThenBy(r => r.LocationCode, StringComparer.Ordinal)
                .ToList();
        }
    }
}
