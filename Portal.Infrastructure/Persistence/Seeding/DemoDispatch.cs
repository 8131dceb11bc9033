using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;

namespace Portal.Infrastructure.Persistence.Seeding;

/// <summary>Guangzhou delivery zones, the default channel rules and the demo couriers. Safe to run on every start.</summary>
public static class DemoDispatch
{
    /// <summary>Orders anywhere else in the city fall into this zone, routed to its centre.</summary>
    public const string CityZone = "GZ";

    private static readonly (string Code, string District, string? Community, double Lat, double Lon)[] ZoneData =
    [
        (CityZone, "广州市", null, 23.1291, 113.2644),
        ("TH", "天河区", null, 23.1353, 113.3317),
        ("TH-ZJXC", "天河区", "珠江新城", 23.1196, 113.3245),
        ("HZ", "海珠区", null, 23.0966, 113.3106),
        ("YX", "越秀区", null, 23.1292, 113.2668),
        ("LW", "荔湾区", null, 23.1259, 113.2443),
        ("BY", "白云区", null, 23.1577, 113.2730),
    ];

    /// <summary>Zones and channel rules: reference data every installation needs.</summary>
    public static async Task EnsureReferenceDataAsync(PortalDbContext db)
    {
        var known = await db.Zones.Select(z => z.Code).ToListAsync();
        db.Zones.AddRange(ZoneData.Where(z => !known.Contains(z.Code))
            .Select(z => Zone.Create(z.Code, z.District, z.Community, GeoPoint.Create(z.Lat, z.Lon))));
        if (!await db.ChannelRules.AnyAsync())
        {
            db.ChannelRules.AddRange(ChannelRule.Defaults());
        }

        await db.SaveChangesAsync();
    }

    public static async Task SeedAsync(PortalDbContext db)
    {
        await EnsureReferenceDataAsync(db);
        var couriers = new[]
        {
            Courier.Create("courier@portal.local", "陈强", DeliveryChannel.InHouse, 20, GeoPoint.Create(23.1338, 113.3291), ["TH", "TH-ZJXC"]),
            Courier.Create("courier2@portal.local", "黄磊", DeliveryChannel.InHouse, 20, GeoPoint.Create(23.0984, 113.2987), ["HZ", "YX"]),
            Courier.Create("community@portal.local", "周婷", DeliveryChannel.CommunityManager, 15, GeoPoint.Create(23.1196, 113.3245), ["TH-ZJXC"]),
            Courier.Create(DemoAccounts.CourierCompanyClient, "顺达速递", DeliveryChannel.CourierCompany, 500, GeoPoint.Create(23.1291, 113.2644), []),
        };
        var existing = await db.Couriers.Select(c => c.Login).ToListAsync();
        db.Couriers.AddRange(couriers.Where(c => !existing.Contains(c.Login)));
        await db.SaveChangesAsync();
    }
}
