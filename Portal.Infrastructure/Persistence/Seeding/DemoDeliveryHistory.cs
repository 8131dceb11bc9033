using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Dispatch;
using Portal.Domain.Orders;
using Portal.Domain.Shared;

namespace Portal.Infrastructure.Persistence.Seeding;

/// <summary>
/// A few weeks of finished deliveries for the demo couriers, so the KPI charts say something on first run: most
/// delivered inside their window, some late, some failed first and delivered on a second attempt, some returned.
/// Written straight to the database (no orders, payments or notifications behind them); seeded once.
/// </summary>
public static class DemoDeliveryHistory
{
    /// <summary>Demo history order numbers start with this, so they are recognisable and seeded only once.</summary>
    public const string OrderPrefix = "DH";

    private static readonly string[] Names = ["王芳", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵丽", "黄伟", "周杰", "吴霞", "徐婷", "孙浩"];
    private static readonly string[] Streets = ["天河路", "体育西路", "江南大道", "新港中路", "北京路", "中山五路", "黄埔大道", "白云大道"];
    private static readonly (int From, int To)[] Slots = [(9, 12), (14, 18), (18, 21)];
    private static readonly FailureReason[] Reasons =
        [FailureReason.CustomerAbsent, FailureReason.CustomerAbsent, FailureReason.CustomerAskedForLater, FailureReason.WrongAddress, FailureReason.CustomerRefused, FailureReason.CannotPay];

    public static async Task SeedAsync(PortalDbContext db, DateOnly today, int days)
    {
        if (days <= 0 || await db.Deliveries.AnyAsync(d => d.OrderNumber.StartsWith(OrderPrefix)))
        {
            return;
        }

        var zones = await db.Zones.AsNoTracking().ToDictionaryAsync(z => z.Code);
        var couriers = await db.Couriers.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Id).ToListAsync();
        // People are recorded by their account id, as the portal records them (a login without an account stays as it is).
        var accounts = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName != null)
            .ToDictionaryAsync(u => u.NormalizedUserName!, u => u.Id);
        string ActorOf(string login) => accounts.GetValueOrDefault(login.ToUpperInvariant(), login);
        var random = new Random(20261201); // the same history on every machine
        for (var day = today.AddDays(-days); day < today; day = day.AddDays(1))
        {
            var number = 0;
            foreach (var courier in couriers)
            {
                var stops = random.Next(4, courier.Channel == DeliveryChannel.CourierCompany ? 14 : 10);
                for (var i = 0; i < stops; i++)
                {
                    var zoneCode = courier.ZoneCodes.Count > 0 ? courier.ZoneCodes[random.Next(courier.ZoneCodes.Count)] : new[] { "HZ", "LW", "BY" }[random.Next(3)];
                    db.Deliveries.Add(Finished(courier, zones[zoneCode], day, day.AddDays(1) < today, $"{OrderPrefix}{day:yyMMdd}{++number:D4}", i, random, ActorOf));
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private static Delivery Finished(
        Courier courier, Zone zone, DateOnly day, bool canRetryNextDay, string orderNumber, int load, Random random, Func<string, string> actorOf)
    {
        var (from, to) = Slots[random.Next(Slots.Length)];
        var window = DeliveryWindow.Create(day, new TimeOnly(from, 0), new TimeOnly(to, 0));
        var windowStart = ChinaTime.ToUtc(day.ToDateTime(window.From));
        var collection = (CollectionMethod)random.Next(3);
        var amount = collection == CollectionMethod.None ? Money.Zero : Money.Yuan(random.Next(3, 60) * 10);
        var created = windowStart.AddHours(-random.Next(6, 52));
        var delivery = Delivery.Create(
            orderNumber,
            TrackingCode.New(),
            Names[random.Next(Names.Length)],
            Msisdn.Parse($"139{random.Next(0, 100_000_000):D8}"),
            Address.Create("广州市", zone.District, $"{Streets[random.Next(Streets.Length)]}{random.Next(1, 400)}号"),
            null,
            zone,
            window,
            [DeliveryItem.Create("ACC-CASE-CLEAR", "透明手机壳", ProductKind.Accessory, 1, [])],
            amount,
            collection,
            "demo",
            created);
        var actor = actorOf(courier.Login);
        var dispatcher = actorOf("dispatcher@portal.local");
        var at = windowStart.AddMinutes(-random.Next(60, 240));
        delivery.AssignTo(courier, load, dispatcher, at);
        var outcome = random.NextDouble();
        if (outcome < 0.14)
        {
            // Failed first; most are delivered the next day, the rest go back to stock.
            Attempt(delivery, courier, windowStart, random, out var failedAt);
            delivery.RecordFailedAttempt(courier.Id, Reasons[random.Next(Reasons.Length)], null, actor, failedAt);
            // History stays in the past: a failure on its last day goes back to stock rather than into today.
            if (outcome < 0.04 || !canRetryNextDay)
            {
                delivery.Return(actor, failedAt.AddHours(2));
                return delivery;
            }

            var retry = DeliveryWindow.Create(day.AddDays(1), window.From, window.To);
            delivery.Reschedule(retry, dispatcher, failedAt.AddHours(1));
            delivery.AssignTo(courier, load, dispatcher, failedAt.AddHours(2));
            windowStart = windowStart.AddDays(1);
        }

        Attempt(delivery, courier, windowStart, random, out var arrived);
        if (collection != CollectionMethod.None)
        {
            delivery.RecordPaymentCollected(courier.Id, amount);
        }

        delivery.CaptureSignature(courier.Id, "demo-signature");
        delivery.Deliver(courier.Id, null, actor, arrived);
        return delivery;
    }

    /// <summary>Picks up and goes out; the arrival lands inside the window mostly, late about one time in eight.</summary>
    private static void Attempt(Delivery delivery, Courier courier, DateTime windowStart, Random random, out DateTime arrival)
    {
        delivery.ConfirmPickUp(courier.Id, courier.Login, windowStart.AddMinutes(-50));
        delivery.StartDelivery(courier.Id, courier.Login, windowStart.AddMinutes(-40));
        var windowMinutes = (int)(delivery.Window.To - delivery.Window.From).TotalMinutes;
        arrival = windowStart.AddMinutes(random.NextDouble() < 0.12 ? windowMinutes + random.Next(10, 90) : random.Next(5, windowMinutes - 5));
    }
}
