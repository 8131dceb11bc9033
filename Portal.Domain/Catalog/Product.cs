using System.Text.RegularExpressions;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Catalog;

/// <summary>Something a rep can sell: a plan, an add-on pack, a handset, a SIM card or an accessory.</summary>
public sealed partial class Product : Entity
{
    private Product()
    {
        Sku = null!;
        Name = null!;
    }

    public string Sku { get; private set; }

    public string Name { get; private set; }

    public ProductKind Kind { get; private set; }

    public Money Price { get; private set; }

    public bool IsActive { get; private set; }

    public decimal? DataGb { get; private set; }

    public int? VoiceMinutes { get; private set; }

    public string? Brand { get; private set; }

    public string? Model { get; private set; }

    public string? Colour { get; private set; }

    public int? StorageGb { get; private set; }

    /// <summary>For plans the price is the monthly fee; null for every other kind.</summary>
    public Money? MonthlyFee => Kind.IsMonthly() ? Price : null;

    public bool IsSerialTracked => Kind.IsSerialTracked();

    public bool RequiresShipping => Kind.RequiresShipping();

    public static Product Plan(string sku, string name, Money monthlyFee, decimal dataGb, int voiceMinutes)
    {
        var product = Create(sku, name, ProductKind.Plan, monthlyFee);
        product.DataGb = NotNegative(dataGb, "Data allowance");
        product.VoiceMinutes = NotNegative(voiceMinutes, "Voice minutes");
        return product;
    }

    public static Product AddOn(string sku, string name, Money price, decimal dataGb, int voiceMinutes)
    {
        if (dataGb <= 0 && voiceMinutes <= 0)
        {
            throw new DomainException("product.invalid", "An add-on must add data or voice minutes");
        }

        var product = Create(sku, name, ProductKind.AddOn, price);
        product.DataGb = NotNegative(dataGb, "Data allowance");
        product.VoiceMinutes = NotNegative(voiceMinutes, "Voice minutes");
        return product;
    }

    public static Product Handset(
        string sku, string name, Money price, string brand, string model, string colour, int storageGb)
    {
        if (storageGb <= 0)
        {
            throw new DomainException("product.invalid", "Handset storage must be greater than zero");
        }

        var product = Create(sku, name, ProductKind.Handset, price);
        product.Brand = Require.Text(brand, "Brand", 50, "product.invalid");
        product.Model = Require.Text(model, "Model", 50, "product.invalid");
        product.Colour = Require.Text(colour, "Colour", 30, "product.invalid");
        product.StorageGb = storageGb;
        return product;
    }

    public static Product Sim(string sku, string name, Money price) => Create(sku, name, ProductKind.Sim, price);

    public static Product Accessory(string sku, string name, Money price) =>
        Create(sku, name, ProductKind.Accessory, price);

    public static bool IsValidSku(string? sku) => sku is not null && SkuPattern().IsMatch(sku);

    public void ChangePrice(Money newPrice, DateTime nowUtc)
    {
        var price = Require.NotNegative(newPrice, "Price", "product.invalid");
        if (price == Price)
        {
            throw new DomainException("product.price_unchanged", $"{Sku} already costs {Price}");
        }

        Raise(new ProductPriceChanged(Sku, Price, price, nowUtc));
        Price = price;
    }

    public void Rename(string name) => Name = Require.Text(name, "Product name", 100, "product.invalid");

    public void Deactivate()
    {
        if (!IsActive)
        {
            throw new DomainException("product.already_inactive", $"{Sku} is already inactive");
        }

        IsActive = false;
    }

    public void Activate()
    {
        if (IsActive)
        {
            throw new DomainException("product.already_active", $"{Sku} is already active");
        }

        IsActive = true;
    }

    private static Product Create(string sku, string name, ProductKind kind, Money price)
    {
        var normalisedSku = (sku ?? string.Empty).Trim().ToUpperInvariant();
        if (!IsValidSku(normalisedSku))
        {
            throw new DomainException("product.invalid_sku", $"SKU '{sku}' must be 3–32 characters of A–Z, 0–9 and '-'");
        }

        return new Product
        {
            Sku = normalisedSku,
            Name = Require.Text(name, "Product name", 100, "product.invalid"),
            Kind = kind,
            Price = Require.NotNegative(price, "Price", "product.invalid"),
            IsActive = true,
        };
    }

    private static T NotNegative<T>(T value, string what) where T : System.Numerics.INumber<T> =>
        value < T.Zero ? throw new DomainException("product.invalid", $"{what} cannot be negative") : value;

    [GeneratedRegex("^[A-Z0-9-]{3,32}$")]
    private static partial Regex SkuPattern();
}

public sealed record ProductPriceChanged(string Sku, Money OldPrice, Money NewPrice, DateTime OccurredAtUtc) : IDomainEvent;
