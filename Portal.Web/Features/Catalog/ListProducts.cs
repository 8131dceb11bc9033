using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Catalog;

/// <summary>
/// The catalog with how many units can still be sold. <see cref="Query"/> is the whole active catalog reps pick from
/// and other channels read; <see cref="Search"/> is the admin's growing list, one page at a time.
/// Within a kind products run by price, so plans read 58, 88, 96, 128, 198 — never as text.
/// </summary>
public static class ListProducts
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Admin, Roles.Integration)]
    public sealed record Query(bool IncludeInactive = false) : IRequest<IReadOnlyList<ProductRow>>;

    /// <summary><paramref name="StockedOnly"/> leaves out plans and add-ons, which are never received into stock.</summary>
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Admin)]
    public sealed record Search(
        string? Text = null, ProductKind? Kind = null, bool IncludeInactive = false, bool StockedOnly = false, ListRequest? Page = null)
        : IRequest<ListPage<ProductRow>>;

    /// <summary><see cref="Available"/> is null for products that are not stocked (plans, add-ons).</summary>
    public sealed record ProductRow(string Sku, string Name, ProductKind Kind, decimal Price, int? Available, bool IsActive);

    public static SortColumns<Product> Sort { get; } = new SortColumns<Product>()
        .Add(nameof(ProductRow.Sku), p => p.Sku)
        .Add(nameof(ProductRow.Name), p => p.Name)
        .Add(nameof(ProductRow.Kind), p => p.Kind)
        // SQLite keeps decimals as text; ordering by the number as a double sorts 58 before 128 on every engine.
        .Add(nameof(ProductRow.Price), p => (double)(decimal)(object)p.Price)
        .Add(nameof(ProductRow.IsActive), p => p.IsActive);

    public sealed class SearchValidator : AbstractValidator<Search>
    {
        public SearchValidator()
        {
            RuleFor(q => q.Text).MaximumLength(50).WithMessage("Search must be at most 50 characters.");
            RuleFor(q => q.Kind).IsInEnum().WithMessage("Choose a product kind from the list.");
        }
    }

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<ProductRow>>
    {
        public async Task<IReadOnlyList<ProductRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var products = await db.Products.AsNoTracking()
                .Where(p => request.IncludeInactive || p.IsActive)
                .Select(Row(db))
                .ToListAsync(cancellationToken);

            return products
                .OrderBy(p => p.Kind).ThenBy(p => p.Price).ThenBy(p => p.Sku, StringComparer.Ordinal)
                .Select(WithoutStockForServices)
                .ToList();
        }
    }

    internal sealed class SearchHandler(PortalDbContext db) : IRequestHandler<Search, ListPage<ProductRow>>
    {
        public async Task<ListPage<ProductRow>> Handle(Search request, CancellationToken cancellationToken)
        {
            var products = db.Products.AsNoTracking().Where(p => request.IncludeInactive || p.IsActive);
            if (request.Kind is { } kind)
            {
                products = products.Where(p => p.Kind == kind);
            }

            if (request.StockedOnly)
            {
                products = products.Where(p => ProductKinds.Stocked.Contains(p.Kind));
            }

            if (request.Text?.Trim() is { Length: > 0 } text)
            {
                var upper = text.ToUpperInvariant();
                products = products.Where(p => p.Sku.Contains(upper) || p.Name.ToUpper().Contains(upper));
            }

            var page = request.Page ?? new ListRequest();
            var found = await Sort.Apply(products, page, ByKindThenPrice, nameof(ProductRow.Sku)).Select(Row(db)).ToListPageAsync(page, cancellationToken);
            return new ListPage<ProductRow>(found.Items.Select(WithoutStockForServices).ToList(), found.Total);
        }

        private static IOrderedQueryable<Product> ByKindThenPrice(IQueryable<Product> products) =>
            products.OrderBy(p => p.Kind).ThenBy(p => (double)(decimal)(object)p.Price).ThenBy(p => p.Sku);
    }

    private static System.Linq.Expressions.Expression<Func<Product, ProductRow>> Row(PortalDbContext db) => p => new ProductRow(
        p.Sku,
        p.Name,
        p.Kind,
        p.Price.Amount,
        db.StockItems.Where(s => s.Sku == p.Sku).Sum(s => (int?)(s.OnHand - s.Reserved)) ?? 0,
        p.IsActive);

    private static ProductRow WithoutStockForServices(ProductRow row) =>
        row.Kind.IsStocked() ? row : row with { Available = null };
}
