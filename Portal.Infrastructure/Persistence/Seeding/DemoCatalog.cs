using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Inventory;
using Portal.Domain.Shared;

namespace Portal.Infrastructure.Persistence.Seeding;

/// <summary>
/// Development demo data: 5G plans, add-ons, handsets with IMEIs, SIM cards with ICCIDs, accessories, stock in a
/// Guangzhou warehouse and district stations, targeted policies and customers on different plans and tiers.
/// Seeds once (skipped when any product exists), so restarts keep what people did with the data.
/// </summary>
public static class DemoCatalog
{
    public const string Actor = "demo-seed";

    /// <summary>The handset deliberately kept scarce, so sell-out behaviour can be seen.</summary>
    public const string ScarceHandsetSku = "HS-HW-MATE60-256-BLK";

    public static async Task SeedAsync(PortalDbContext db, DateTime nowUtc)
    {
        if (await db.Products.AnyAsync())
        {
            return;
        }

        var products = Products().ToList();
        db.Products.AddRange(products);
        db.Policies.AddRange(Policies());
        var locations = Locations().ToList();
        db.StockLocations.AddRange(locations);
        db.Customers.AddRange(Customers());
        await db.SaveChangesAsync();

        var warehouse = locations[0];
        var stations = locations.Skip(1).ToList();
        var serial = 0;
        foreach (var product in products.Where(p => p.RequiresShipping))
        {
            var perLocation = product.Sku == ScarceHandsetSku
                ? new[] { (warehouse, 2), (stations[0], 1) }
                : new[] { (warehouse, product.Kind == ProductKind.Sim ? 40 : 12) }.Concat(stations.Select(s => (s, product.Kind == ProductKind.Sim ? 15 : 4))).ToArray();
            foreach (var (location, quantity) in perLocation)
            {
                var item = StockItem.Open(product.Sku, location.Id);
                item.Receive(quantity);
                db.StockItems.Add(item);
                db.StockMovements.Add(StockMovement.Record(product.Sku, location.Id, StockMovementKind.Received, quantity, "DEMO-OPENING", Actor, nowUtc));
                if (product.IsSerialTracked)
                {
                    for (var i = 0; i < quantity; i++)
                    {
                        db.SerialUnits.Add(SerialUnit.Register(product, product.Kind == ProductKind.Handset ? Imei(++serial) : Iccid(++serial), location.Id));
                    }
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private static IEnumerable<Product> Products()
    {
        yield return Product.Plan("PLAN-5G-58", "5G畅享套餐 58元", Money.Yuan(58), 30, 200);
        yield return Product.Plan("PLAN-5G-88", "5G畅享套餐 88元", Money.Yuan(88), 60, 500);
        yield return Product.Plan("PLAN-5G-96", "5G融合套餐 96元", Money.Yuan(96), 80, 600);
        yield return Product.Plan("PLAN-5G-128", "5G畅享套餐 128元", Money.Yuan(128), 100, 800);
        yield return Product.Plan("PLAN-5G-198", "5G尊享套餐 198元", Money.Yuan(198), 200, 1500);
        yield return Product.AddOn("ADDON-DATA-10G", "10GB 流量加油包", Money.Yuan(30), 10, 0);
        yield return Product.AddOn("ADDON-DATA-30G", "30GB 流量月包", Money.Yuan(50), 30, 0);
        yield return Product.AddOn("ADDON-VOICE-200", "200分钟语音包", Money.Yuan(20), 0, 200);
        yield return Product.Handset(ScarceHandsetSku, "华为 Mate 60 256GB 雅丹黑", Money.Yuan(5999), "华为", "Mate 60", "雅丹黑", 256);
        yield return Product.Handset("HS-HW-NOVA12-256-WHT", "华为 nova 12 256GB 樱语白", Money.Yuan(2999), "华为", "nova 12", "樱语白", 256);
        yield return Product.Handset("HS-XM-14-256-BLK", "小米 14 256GB 黑色", Money.Yuan(3999), "小米", "14", "黑色", 256);
        yield return Product.Handset("HS-OPPO-RENO11-256-GRN", "OPPO Reno11 256GB 萤石青", Money.Yuan(2699), "OPPO", "Reno11", "萤石青", 256);
        yield return Product.Handset("HS-VIVO-X100-256-BLU", "vivo X100 256GB 星迹蓝", Money.Yuan(3999), "vivo", "X100", "星迹蓝", 256);
        yield return Product.Handset("HS-HONOR-X50-128-BLK", "荣耀 X50 128GB 典雅黑", Money.Yuan(1399), "荣耀", "X50", "典雅黑", 128);
        yield return Product.Handset("HS-APPLE-IP15-128-BLK", "Apple iPhone 15 128GB 黑色", Money.Yuan(5999), "Apple", "iPhone 15", "黑色", 128);
        yield return Product.Sim("SIM-5G-STD", "5G 通用 SIM 卡", Money.Yuan(0));
        yield return Product.Accessory("ACC-CHARGER-66W", "66W 快充充电器", Money.Yuan(99));
        yield return Product.Accessory("ACC-CASE-CLEAR", "透明手机保护壳", Money.Yuan(49));
    }

    private static IEnumerable<Policy> Policies()
    {
        yield return Policy.Create(
            "PRESTORE-168-504",
            "预存168送504",
            "您好，您目前使用的是96元套餐，现在预存168元即可获赠504元话费，分24个月返还，每月到账21元，相当于每月套餐费更低。",
            PolicyEligibility.Create(minPlanFee: Money.Yuan(96), maxPlanFee: Money.Yuan(96)),
            PolicyEffect.Prestore(Money.Yuan(168), Money.Yuan(504)));
        yield return Policy.Create(
            "VIP-HANDSET-300",
            "VIP 购机立减300元",
            "尊敬的VIP客户，感谢您的长期支持，本月购买任意合约手机可立减300元，并免费送货上门。",
            PolicyEligibility.Create(allowedTiers: [CustomerTier.Vip]),
            PolicyEffect.Discount(Money.Yuan(300)));
        yield return Policy.Create(
            "RENEW-CONTRACT-100",
            "合约续约优惠100元",
            "您的合约即将到期，现在续约并选购新机，可直接优惠100元，号码、套餐保持不变。",
            PolicyEligibility.Create(requiredTags: ["contract-ending"]),
            PolicyEffect.Discount(Money.Yuan(100)));
        yield return Policy.Create(
            "UPGRADE-5G-50",
            "低档套餐升级立减50元",
            "您最近流量经常超出套餐，升级到更高档5G套餐并选购手机可立减50元，流量更充足。",
            PolicyEligibility.Create(maxPlanFee: Money.Yuan(88), requiredTags: ["data-overuse"]),
            PolicyEffect.Discount(Money.Yuan(50)));
    }

    private static IEnumerable<StockLocation> Locations()
    {
        yield return StockLocation.Create("WH-GZ-CENTRAL", "广州中心仓", StockLocationKind.Warehouse, "广州市", "白云区");
        yield return StockLocation.Create("ST-GZ-TIANHE", "天河体育中心营业网点", StockLocationKind.Station, "广州市", "天河区");
        yield return StockLocation.Create("ST-GZ-YUEXIU", "越秀北京路营业网点", StockLocationKind.Station, "广州市", "越秀区");
        yield return StockLocation.Create("ST-GZ-HAIZHU", "海珠江南西营业网点", StockLocationKind.Station, "广州市", "海珠区");
    }

    private static IEnumerable<Customer> Customers()
    {
        yield return Customer("13800138000", "王小明", "44010619850312", CustomerTier.Standard, "PLAN-5G-96", 96, ("天河区", "天河路385号太古汇北塔12楼"), "old-handset");
        yield return Customer("13922334455", "李娟", "44010419900725", CustomerTier.Vip, "PLAN-5G-198", 198, ("越秀区", "北京路238号名盛广场3楼"));
        yield return Customer("13631234567", "陈国强", "44010519781103", CustomerTier.FourStarPlus, "PLAN-5G-128", 128, ("海珠区", "江南大道中168号"), "contract-ending");
        yield return Customer("15018765432", "张丽华", "44011119951218", CustomerTier.Standard, "PLAN-5G-58", 58, ("白云区", "机场路1963号"), "data-overuse");
        yield return Customer("18688889999", "刘志伟", "44010619880808", CustomerTier.Vip, "PLAN-5G-96", 96, ("天河区", "珠江新城花城大道85号"), "contract-ending");
        yield return Customer("13760001111", "黄美玲", "44010319920214", CustomerTier.Standard, "PLAN-5G-88", 88, ("荔湾区", "中山七路50号"), "data-overuse");
        yield return Customer("17702020303", "周杰", "44011219990601", CustomerTier.Standard, null, null, ("番禺区", "市桥街繁华路12号"));
        yield return Customer("19876543210", "吴晓燕", "44010619751120", CustomerTier.FourStarPlus, "PLAN-5G-88", 88, ("天河区", "体育西路189号"), "old-handset");
    }

    private static Customer Customer(
        string phone, string name, string idFirst14, CustomerTier tier, string? planSku, decimal? planFee, (string District, string Line) address, params string[] tags)
    {
        var customer = Portal.Domain.Customers.Customer.Register(Msisdn.Parse(phone), name, tier);
        var first17 = idFirst14 + "123";
        customer.RecordIdNumber(ResidentId.Parse(first17 + ResidentId.CheckCharacterFor(first17)));
        customer.AddAddress(Address.Create("广州市", address.District, address.Line));
        if (planSku is not null && planFee is { } fee)
        {
            customer.ChangePlan(planSku, Money.Yuan(fee));
        }

        foreach (var tag in tags)
        {
            customer.AddTag(tag);
        }

        return customer;
    }

    /// <summary>A Luhn-valid 15-digit IMEI from a demo TAC, unique per sequence number.</summary>
    private static string Imei(int sequence)
    {
        var body = "86" + "123456" + sequence.ToString("D6");
        return body + LuhnCheckDigit(body);
    }

    private static string Iccid(int sequence) => "8986" + "0123456789" + sequence.ToString("D5");

    private static int LuhnCheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - sum % 10) % 10;
    }
}
