using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Features.Orders;

namespace Portal.Web.Features.Dispatch;

/// <summary>
/// Development only: a day of deliveries for today, so the dispatch board, the couriers' runs and /track have
/// something to show on first run. Placed through the same commands a rep and a dispatcher use (orders, reserved
/// units, deliveries, channels, runs), once per day: a day that already has deliveries is left alone.
/// Off with Demo:DeliveryDay=false (the test hosts create their own data).
/// </summary>
internal sealed class DemoDeliveryDay(IServiceScopeFactory scopes, ScopedSender sender, IClock clock, ILogger<DemoDeliveryDay> logger) : IHostedService
{
    private const string Rep = "rep@portal.local";
    private const string Dispatcher = "dispatcher@portal.local";

    private static readonly (string Name, string Phone, string District, string Line, string[] Skus, string Payment, string Slot, string? Courier)[] Orders =
    [
        ("林晓", "13902001001", "天河区", "体育西路191号 1203 室", ["HS-XM-14-256-BLK", "SIM-5G-STD"], "CashOnDelivery", "09:00-12:00", "courier@portal.local"),
        ("陈静", "13902001002", "天河区", "林和西路9号 耀中广场 1508 室", ["HS-OPPO-RENO11-256-GRN", "SIM-5G-STD"], "PosOnDelivery", "14:00-18:00", "courier@portal.local"),
        ("王磊", "13902001003", "天河区", "天河路385号 太古汇 2 座 801 室", ["SIM-5G-STD"], "CashOnDelivery", "18:00-21:00", "courier@portal.local"),
        ("赵敏", "13902001004", "天河区", "珠江新城 花城大道85号 2203 室", ["SIM-5G-STD"], "CashOnDelivery", "14:00-18:00", null),
        ("刘洋", "13902001005", "海珠区", "江南西路48号 601 室", ["HS-HONOR-X50-128-BLK", "SIM-5G-STD"], "CashOnDelivery", "09:00-12:00", "courier2@portal.local"),
        ("黄婷", "13902001006", "海珠区", "新港中路397号 1102 室", ["SIM-5G-STD"], "CashOnDelivery", "14:00-18:00", null),
        ("周杰", "13902001007", "越秀区", "北京路238号 名盛广场 905 室", ["HS-XM-14-256-BLK", "SIM-5G-STD"], "CashOnDelivery", "18:00-21:00", null),
        ("吴芳", "13902001008", "荔湾区", "上下九路52号 3 楼", ["SIM-5G-STD"], "CashOnDelivery", "09:00-12:00", null),
        ("郑浩", "13902001009", "白云区", "白云大道北1689号 702 室", ["HS-HONOR-X50-128-BLK", "SIM-5G-STD"], "CashOnDelivery", "14:00-18:00", null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock.UtcNow);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await db.Deliveries.AnyAsync(d => d.Window.Date == today, cancellationToken))
        {
            return;
        }

        try
        {
            var rep = await PrincipalFor(scope.ServiceProvider, Rep);
            var dispatcher = await PrincipalFor(scope.ServiceProvider, Dispatcher);
            var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < Orders.Length; i++)
            {
                var o = Orders[i];
                var placed = await sender.Send(
                    new PlaceOrder.Command(
                        "PreOrderDelivery",
                        new PlaceOrder.CustomerInput(o.Name, o.Phone, IdNumber(i), new PlaceOrder.AddressInput("广州市", o.District, o.Line)),
                        [.. o.Skus.Select(s => new PlaceOrder.LineInput(s, 1))],
                        o.Payment,
                        new PlaceOrder.DeliveryWindowInput(date, o.Slot)),
                    rep,
                    cancellationToken);
                if (o.Courier is { } login)
                {
                    var delivery = await db.Deliveries.AsNoTracking().Where(d => d.OrderNumber == placed.Number).Select(d => new { d.Id, d.Version }).SingleAsync(cancellationToken);
                    var courier = await db.Couriers.Where(c => c.Login == login).Select(c => c.Id).SingleAsync(cancellationToken);
                    await sender.Send(new AssignDelivery.Command(delivery.Id, courier, delivery.Version, null), dispatcher, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is DomainException or Common.Behaviours.RequestValidationException)
        {
            // Demo data only: a catalogue changed by hand may refuse an order; the portal runs without it.
            logger.LogWarning(ex, "The demo delivery day could not be placed completely");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A valid resident ID per demo customer (born 1988, Tianhe), different for each.</summary>
    private static string IdNumber(int index)
    {
        var first17 = $"4401061988{05:D2}{10 + index:D2}{index:D2}1";
        return first17 + ResidentId.CheckCharacterFor(first17);
    }

    private static async Task<ClaimsPrincipal> PrincipalFor(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var signIn = services.GetRequiredService<SignInManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo user {email}");
        return await signIn.CreateUserPrincipalAsync(user);
    }
}
