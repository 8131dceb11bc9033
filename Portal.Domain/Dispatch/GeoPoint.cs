using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Dispatch;

/// <summary>A WGS-84 position (what map apps and the couriers' phones report).</summary>
public readonly record struct GeoPoint
{
    private const double EarthRadiusMetres = 6_371_000;

    private GeoPoint(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    public static GeoPoint Create(double latitude, double longitude) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180
            ? new GeoPoint(latitude, longitude)
            : throw new DomainException("geo.invalid", $"({latitude}, {longitude}) is not a position on Earth");

    /// <summary>Great-circle distance; routing scales it by a road factor.</summary>
    public double MetresTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.000000},{Longitude:0.000000}");
}
