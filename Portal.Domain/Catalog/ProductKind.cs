namespace Portal.Domain.Catalog;

public enum ProductKind
{
    Plan,
    AddOn,
    Handset,
    Sim,
    Accessory,
}

/// <summary>What a kind of product means for selling, stocking and delivering it; one place instead of a switch per page.</summary>
public static class ProductKinds
{
    /// <summary>Goods held in stock and counted; plans and add-ons are services and never are.</summary>
    public static readonly IReadOnlyList<ProductKind> Stocked = [ProductKind.Handset, ProductKind.Sim, ProductKind.Accessory];

    public static bool IsStocked(this ProductKind kind) => Stocked.Contains(kind);

    /// <summary>A physical item that must be delivered to the customer.</summary>
    public static bool RequiresShipping(this ProductKind kind) => kind.IsStocked();

    /// <summary>Each unit carries its own IMEI or ICCID.</summary>
    public static bool IsSerialTracked(this ProductKind kind) => kind is ProductKind.Handset or ProductKind.Sim;

    /// <summary>Priced per month rather than once.</summary>
    public static bool IsMonthly(this ProductKind kind) => kind == ProductKind.Plan;
}
