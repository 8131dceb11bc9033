using Portal.Domain.Catalog;
using Portal.Domain.Dispatch;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Dispatch;

/// <summary>Guangzhou zones, couriers and deliveries for the dispatch rules.</summary>
internal static class DispatchTestData
{
    public const string Dispatcher = "dispatcher.wu";
    public const string OtherImei = "356938035643809";
    public const string OtherIccid = "8986001234567890999";
    public const string IdOnFile = "44010619900307001X";

    public static readonly Zone Tianhe = Zone.Create("TH", "天河区", null, GeoPoint.Create(23.1249, 113.3612));
    public static readonly Zone Zhujiang = Zone.Create("TH-ZJXC", "天河区", "珠江新城", GeoPoint.Create(23.1196, 113.3245));
    public static readonly Zone Haizhu = Zone.Create("HZ", "海珠区", null, GeoPoint.Create(23.0839, 113.3172));

    public static Courier InHouse(long id = 1, int capacity = 20, params string[] zones) =>
        WithId(Courier.Create($"courier{id}@portal.local", "李 明", DeliveryChannel.InHouse, capacity, Tianhe.Centre, zones.Length == 0 ? ["TH", "TH-ZJXC"] : zones), id);

    public static Courier CommunityManager(long id = 5) =>
        WithId(Courier.Create("community@portal.local", "陈 芳", DeliveryChannel.CommunityManager, 15, Zhujiang.Centre, ["TH-ZJXC"]), id);

    public static Courier Company(long id = 9) =>
        WithId(Courier.Create("courier company", "顺达速递", DeliveryChannel.CourierCompany, 500, Tianhe.Centre, []), id);

    public static DeliveryItem Handset(params string[] reserved) =>
        DeliveryItem.Create("HS-X1-128", "X1 5G", ProductKind.Handset, 1, reserved.Length == 0 ? [ValidImei] : reserved);

    public static DeliveryItem Sim(params string[] reserved) =>
        DeliveryItem.Create("SIM-STD", "标准 SIM 卡", ProductKind.Sim, 1, reserved.Length == 0 ? [ValidIccid] : reserved);

    public static DeliveryItem Case() => DeliveryItem.Create("ACC-CASE", "手机壳", ProductKind.Accessory, 1, []);

    public static Delivery Waiting(Zone? zone = null, Money? collect = null, params DeliveryItem[] items) => Delivery.Create(
        "SO202506010001",
        TrackingCode.New(),
        "张三",
        Phone,
        Address.Create("广州市", (zone ?? Tianhe).District, "珠江新城 花城大道 85 号"),
        GeoPoint.Create(23.1201, 113.3260),
        zone ?? Tianhe,
        Tomorrow(),
        items.Length == 0 ? [Handset(), Sim()] : items,
        collect ?? Money.Yuan(3009),
        collect == Money.Zero ? CollectionMethod.None : CollectionMethod.Cash,
        "system",
        Now);

    public static Delivery AssignedTo(Courier courier, Delivery? delivery = null)
    {
        var d = delivery ?? Waiting();
        d.AssignTo(courier, 0, Dispatcher, Now);
        return d;
    }

    public static Delivery OutForDelivery(Courier courier, Delivery? delivery = null)
    {
        var d = AssignedTo(courier, delivery);
        d.ConfirmPickUp(courier.Id, courier.Login, Now);
        d.StartDelivery(courier.Id, courier.Login, Now);
        return d;
    }

    public static T WithId<T>(T entity, long id)
        where T : Portal.Domain.Common.Entity
    {
        typeof(Portal.Domain.Common.Entity).GetProperty(nameof(Portal.Domain.Common.Entity.Id))!.SetValue(entity, id);
        return entity;
    }
}
