using Microsoft.Extensions.Localization;
using Portal.Domain.Catalog;

namespace Portal.Web.Features.Catalog;

/// <summary>Product kinds as the admin pages show them.</summary>
public static class ProductKindNames
{
    public static IReadOnlyList<ProductKind> All { get; } = Enum.GetValues<ProductKind>();

    public static string Name(this IStringLocalizer L, ProductKind kind) => kind switch
    {
        ProductKind.Plan => L["Plan"],
        ProductKind.AddOn => L["Add-on"],
        ProductKind.Handset => L["Handset"],
        ProductKind.Sim => L["SIM card"],
        _ => L["Accessory"],
    };
}
