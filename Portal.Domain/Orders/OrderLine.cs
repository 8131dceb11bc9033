using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Inventory;
using Portal.Domain.Shared;

namespace Portal.Domain.Orders;

/// <summary>One product on an order, priced when the order was placed; serials are recorded at hand-over.</summary>
public sealed class OrderLine
{
    private readonly List<string> _serials = [];

    private OrderLine()
    {
        Sku = null!;
        Name = null!;
    }

    public string Sku { get; private set; }

    public string Name { get; private set; }

    public ProductKind Kind { get; private set; }

    public Money UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public Money LineTotal => UnitPrice * Quantity;

    public IReadOnlyList<string> Serials => _serials;

    public bool IsSerialTracked => Kind.IsSerialTracked();

    public bool RequiresShipping => Kind.RequiresShipping();

    internal static OrderLine From(CartItem item)
    {
        if (!item.Product.IsActive)
        {
            throw new DomainException("order.product_inactive", $"{item.Product.Name} ({item.Product.Sku}) is no longer sold");
        }

        return new OrderLine
        {
            Sku = item.Product.Sku,
            Name = item.Product.Name,
            Kind = item.Product.Kind,
            UnitPrice = item.Product.Price,
            Quantity = Require.PositiveQuantity(item.Quantity, "order.invalid_quantity"),
        };
    }

    internal void AddSerial(string serial)
    {
        if (SerialNumbers.Problem(Kind, serial) is { } problem)
        {
            throw new DomainException("serial.invalid", problem);
        }

        if (_serials.Contains(serial))
        {
            throw new DomainException("order.duplicate_serial", $"{serial} is already recorded for {Sku}");
        }

        if (_serials.Count == Quantity)
        {
            throw new DomainException("order.too_many_serials", $"All {Quantity} serials for {Sku} are already recorded");
        }

        _serials.Add(serial);
    }

    public OrderLineSnapshot ToSnapshot() => new(Sku, Kind, Quantity, [.. _serials]);
}

/// <summary>A line as carried by events, so handlers can reserve or release stock without loading the order.</summary>
public sealed record OrderLineSnapshot(string Sku, ProductKind Kind, int Quantity, IReadOnlyList<string> Serials);
