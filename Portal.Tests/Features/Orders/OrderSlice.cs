using System.Security.Claims;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

/// <summary>Orders placed through the real pipeline, for tests that need one to exist.</summary>
internal static class OrderSlice
{
    private static int _next = Random.Shared.Next(1_000_000, 9_000_000);

    public static string Tomorrow => DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");

    /// <summary>A number nobody else in the test run uses, so searches by phone see only this test's orders.</summary>
    public static string NewPhone() => $"1391{Interlocked.Increment(ref _next):D7}";

    public static Task<PlaceOrder.Result> PlacePreOrder(
        PortalHost host, ClaimsPrincipal user, string phone, string sku = "ACC-CHARGER-66W", int quantity = 1, string payment = "CashOnDelivery") =>
        host.Send(
            new PlaceOrder.Command(
                "PreOrderDelivery",
                new PlaceOrder.CustomerInput("测试客户", phone, Address: new PlaceOrder.AddressInput("广州市", "天河区", "体育西路1号")),
                [new PlaceOrder.LineInput(sku, quantity)],
                payment,
                new PlaceOrder.DeliveryWindowInput(Tomorrow, "14:00-18:00")),
            user);

    /// <summary>China time, unspecified kind, as the order form sends it.</summary>
    public static DateTime TomorrowAtTenChinaTime => DateTime.SpecifyKind(DateTime.UtcNow.AddHours(8).Date.AddDays(1).AddHours(10), DateTimeKind.Unspecified);

    public static Task<PlaceOrder.Result> PlaceAppointment(PortalHost host, ClaimsPrincipal user, string phone, string? note = "想先比较一下价格") =>
        host.Send(
            new PlaceOrder.Command(
                "Appointment",
                new PlaceOrder.CustomerInput("测试客户", phone),
                [new PlaceOrder.LineInput("ACC-CHARGER-66W", 2)],
                Appointment: new PlaceOrder.AppointmentInput(TomorrowAtTenChinaTime, note, "StoreVisit")),
            user);

    public static Task<PlaceOrder.Result> PlaceDirect(PortalHost host, ClaimsPrincipal user, string phone) =>
        host.Send(
            new PlaceOrder.Command("Direct", new PlaceOrder.CustomerInput("测试客户", phone), [new PlaceOrder.LineInput("ADDON-DATA-10G", 1)], "BillToAccount"),
            user);
}
