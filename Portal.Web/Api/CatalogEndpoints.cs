using Portal.Web.Common;
using Portal.Web.Features.Catalog;

namespace Portal.Web.Api;

/// <summary>Contract used by other sales channels: keep field names and kinds exactly.</summary>
public static class CatalogEndpoints
{
    public sealed record ProductDto(string Sku, string Name, string Kind, decimal Price, int Available);

    /// <summary>Plans and add-ons are not stocked; they report this many so "available &gt; 0" holds for them.</summary>
    public const int NotStockLimited = 9999;

    public static void MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/catalog/products", async (HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                var rows = await sender.Send(new ListProducts.Query(), http.User, ct);
                return TypedResults.Ok(rows.Select(r => new ProductDto(r.Sku, r.Name, r.Kind.ToString().ToLowerInvariant(), r.Price, r.Available ?? NotStockLimited)).ToList());
            })
            .WithName("ListProducts")
            .WithSummary("Active products with their price in CNY and the units still available to sell (plans and add-ons: 9999, not limited by stock).");
    }
}
