using Portal.Domain.Common;

namespace Portal.Domain.Shared;

/// <summary>A delivery address inside the operator's service area.</summary>
public sealed record Address
{
    private Address(string city, string district, string line)
    {
        City = city;
        District = district;
        Line = line;
    }

    public string City { get; }

    public string District { get; }

    public string Line { get; }

    public static Address Create(string? city, string? district, string? line) => new(
        Require.Text(city, "City", 50, "address.invalid"),
        Require.Text(district, "District", 50, "address.invalid"),
        Require.Text(line, "Address line", 200, "address.invalid"));

    /// <summary>The same city and district (still useful for statistics) without the street line.</summary>
    public Address Anonymised() => new(City, District, Anonymous.Text);

    public override string ToString() => $"{City} {District} {Line}";
}
