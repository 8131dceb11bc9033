using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Catalog;

/// <summary>The active catalog with how many units can still be sold; what reps pick from and other channels read.</summary>
public static class ListProducts
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Admin, Roles.Integration)]
    public sealed record Query(bool IncludeInactive = false) : IRequest<IReadOnlyList<ProductRow>>;

    /// <summary><see cref="Available"/> is null for products that are not stocked (plans, add-ons).</summary>
    public sealed record ProductRow(string Sku, string Name, ProductKind Kind, decimal Price, int? Available, bool IsActive);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<ProductRow>>
    {
        public async Task<IReadOnlyList<ProductRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var products = await db.Products.AsNoTracking()
                .Where(p => request.IncludeInactive || p.IsActive)
                .Select(p => new { p.Sku, p.Name, p.Kind, p.Price, p.IsActive })
                .ToListAsync(cancellationToken);
            var available = await db.StockItems.AsNoTracking()
                .GroupBy(s => s.Sku)
                .Select(g => new { Sku = g.Key, Available = g.Sum(s => s.OnHand - s.Reserved) })
                .ToDictionaryAsync(s => s.Sku, s => s.Available, cancellationToken);

            return products
                .OrderBy(p => p.Kind).ThenBy(p => p.Sku, StringComparer.Ordinal)
                .Select(p => new ProductRow(
                    p.Sku,
                    p.Name,
                    p.Kind,
                    p.Price.Amount,
                    p.Kind is ProductKind.Plan or ProductKind.AddOn ? null : available.GetValueOrDefault(p.Sku),
                    p.IsActive))
                .ToList();
        }
    }
}
