using Portal.Domain.Dispatch;
using Portal.Domain.Shared;

namespace Portal.Infrastructure.Routing;

/// <summary>
/// Coordinates for well-known Guangzhou buildings and streets, matched inside the address line. A stand-in for a
/// map provider's geocoding API, which the portal cannot reach here; anything unknown falls back to its zone centre.
/// </summary>
public sealed class KnownAddresses : IGeocoder
{
    public static readonly IReadOnlyList<(string District, string Line, GeoPoint Point)> Places =
    [
        ("天河区", "天河路385号", GeoPoint.Create(23.1322, 113.3248)),
        ("天河区", "天河路208号", GeoPoint.Create(23.1326, 113.3267)),
        ("天河区", "体育西路191号", GeoPoint.Create(23.1378, 113.3199)),
        ("天河区", "珠江新城花城大道85号", GeoPoint.Create(23.1196, 113.3245)),
        ("天河区", "珠江新城冼村路5号", GeoPoint.Create(23.1237, 113.3343)),
        ("天河区", "珠江新城华夏路10号", GeoPoint.Create(23.1213, 113.3218)),
        ("天河区", "天河北路233号", GeoPoint.Create(23.1441, 113.3262)),
        ("天河区", "中山大道西1号", GeoPoint.Create(23.1258, 113.3596)),
        ("天河区", "五山路381号", GeoPoint.Create(23.1570, 113.3465)),
        ("天河区", "黄埔大道西638号", GeoPoint.Create(23.1262, 113.3489)),
        ("海珠区", "新港中路397号", GeoPoint.Create(23.0984, 113.2987)),
        ("海珠区", "江南大道中168号", GeoPoint.Create(23.0947, 113.2726)),
        ("海珠区", "琶洲会展中心阅江中路380号", GeoPoint.Create(23.1035, 113.3667)),
        ("海珠区", "工业大道中313号", GeoPoint.Create(23.0850, 113.2651)),
        ("海珠区", "昌岗中路238号", GeoPoint.Create(23.0935, 113.2795)),
        ("越秀区", "北京路步行街", GeoPoint.Create(23.1247, 113.2693)),
        ("越秀区", "环市东路339号", GeoPoint.Create(23.1383, 113.2893)),
        ("越秀区", "中山五路219号", GeoPoint.Create(23.1262, 113.2713)),
        ("荔湾区", "上下九步行街", GeoPoint.Create(23.1186, 113.2475)),
        ("白云区", "白云大道北1689号", GeoPoint.Create(23.1887, 113.2744)),
    ];

    public GeoPoint? Locate(Address address)
    {
        var line = address.Line.Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var (district, place, point) in Places)
        {
            if (district == address.District && line.Contains(place, StringComparison.Ordinal))
            {
                return point;
            }
        }

        return null;
    }
}
