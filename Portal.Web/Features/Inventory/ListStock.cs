using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Inventory;

/// <summary>
/// What each location holds of each SKU: on hand, reserved for orders, and still available to sell; one page at a
/// time, narrowed to a SKU, a location or a text found in the SKU or product name.
/// </summary>
public static class ListStock
{
    [AuthorizeRequest(Roles.Admin, Roles.Rep, Roles.BackOffice, Roles.Dispatcher)]
    public sealed record Query(string? Sku = null, string? LocationCode = null, string? Text = null, ListRequest? Page = null)
        : IRequest<ListPage<StockRow>>;

    public sealed record StockRow(
        string Sku, string ProductName, ProductKind Kind, string LocationCode, string LocationName, int OnHand, int Reserved, int Available);

    /// <summary>The row as the database sees it: member-initialised, so it can be filtered and sorted before paging.</summary>
    public sealed class Line
    {
        public string Sku { get; init; } = "";
        public string ProductName { get; init; } = "";
        public ProductKind Kind { get; init; }
        public string LocationCode { get; init; } = "";
        public string LocationName { get; init; } = "";
        public int OnHand { get; init; }
        public int Reserved { get; init; }
        public int Available { get; init; }
    }

    public static SortColumns<Line> Sort { get; } = new SortColumns<Line>()
        .Add(nameof(StockRow.Sku), l => l.Sku)
        .Add(nameof(StockRow.ProductName), l => l.ProductName)
        .Add(nameof(StockRow.Kind), l => l.Kind)
        .Add(nameof(StockRow.LocationName), l => l.LocationName)
        .Add(nameof(StockRow.LocationCode), l => l.LocationCode)
        .Add(nameof(StockRow.OnHand), l => l.OnHand)
        .Add(nameof(StockRow.Reserved), l => l.Reserved)
        .Add(nameof(StockRow.Available), l => l.Available);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Text).MaximumLength(50).WithMessage("Search must be at most 50 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, ListPage<StockRow>>
    {
        public async Task<ListPage<StockRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var sku = request.Sku?.Trim().ToUpperInvariant();
            var location = request.LocationCode?.Trim().ToUpperInvariant();
            var lines = from item in db.StockItems.AsNoTracking()
                        join loc in db.StockLocations.AsNoTracking() on item.LocationId equals loc.Id
                        join product in db.Products.AsNoTracking() on item.Sku equals product.Sku
                        where (string.IsNullOrEmpty(sku) || item.Sku == sku)
                              && (string.IsNullOrEmpty(location) || loc.Code == location)
                        select new Line
                        {
                            Sku = item.Sku,
                            ProductName = product.Name,
                            Kind = product.Kind,
                            LocationCode = loc.Code,
                            LocationName = loc.Name,
                            OnHand = item.OnHand,
                            Reserved = item.Reserved,
                            Available = item.OnHand - item.Reserved,
                        };
            if (request.Text?.Trim() is { Length: > 0 } text)
            {
                var upper = text.ToUpperInvariant();
                lines = lines.Where(l => l.Sku.Contains(upper) || l.ProductName.ToUpper().Contains(upper));
            }

            var page = request.Page ?? new ListRequest();
            // SKU then location is the natural reading order; the location breaks ties for every other column too.
            var found = await Sort.Apply(lines, page, q => q.OrderBy(l => l.Sku), nameof(StockRow.Sku))
                .ThenBy(l => l.LocationCode)
                .ToListPageAsync(page, cancellationToken);
            return new ListPage<StockRow>(
                found.Items.Select(l => new StockRow(l.Sku, l.ProductName, l.Kind, l.LocationCode, l.LocationName, l.OnHand, l.Reserved, l.Available)).ToList(),
                found.Total);
        }
    }
}
