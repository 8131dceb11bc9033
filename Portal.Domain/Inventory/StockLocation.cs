using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Inventory;

public enum StockLocationKind
{
    Warehouse,
    Station,
}

/// <summary>A place that holds stock: the central warehouse or a delivery station serving one district (its zone).</summary>
public sealed class StockLocation : Entity
{
    private StockLocation()
    {
        Code = null!;
        Name = null!;
        City = null!;
        District = null!;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public StockLocationKind Kind { get; private set; }

    public string City { get; private set; }

    public string District { get; private set; }

    public static StockLocation Create(string code, string name, StockLocationKind kind, string city, string district) => new()
    {
        Code = Require.Text(code, "Location code", 32, "location.invalid").ToUpperInvariant(),
        Name = Require.Text(name, "Location name", 100, "location.invalid"),
        Kind = kind,
        City = Require.Text(city, "City", 50, "location.invalid"),
        District = Require.Text(district, "District", 50, "location.invalid"),
    };
}
