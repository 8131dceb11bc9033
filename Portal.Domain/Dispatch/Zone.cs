using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Dispatch;

/// <summary>
/// A delivery zone: a district, optionally narrowed to one community (小区/社区). Addresses without their own
/// coordinates are routed to the zone's centre.
/// </summary>
public sealed class Zone : Entity
{
    private Zone()
    {
        Code = null!;
        District = null!;
    }

    public string Code { get; private set; }

    public string District { get; private set; }

    public string? Community { get; private set; }

    public GeoPoint Centre { get; private set; }

    public bool IsCommunity => Community is not null;

    public static Zone Create(string code, string district, string? community, GeoPoint centre) => new()
    {
        Code = Require.Text(code, "Zone code", 20, "zone.invalid").ToUpperInvariant(),
        District = Require.Text(district, "District", 50, "zone.invalid"),
        Community = Require.OptionalText(community, "Community", 100, "zone.invalid"),
        Centre = centre,
    };

    /// <summary>The most specific zone for an address: its community if one is named in the line, else its district.</summary>
    public static Zone? For(Address address, IEnumerable<Zone> zones)
    {
        var inDistrict = zones.Where(z => string.Equals(z.District, address.District, StringComparison.Ordinal)).ToList();
        return inDistrict.FirstOrDefault(z => z.Community is { } c && address.Line.Contains(c, StringComparison.Ordinal))
            ?? inDistrict.FirstOrDefault(z => !z.IsCommunity);
    }

    public override string ToString() => Community is null ? District : $"{District} {Community}";
}
