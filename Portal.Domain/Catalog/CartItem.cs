namespace Portal.Domain.Catalog;

/// <summary>A product and how many of it, as picked by the rep before an order or opportunity is created.</summary>
public sealed record CartItem(Product Product, int Quantity);
