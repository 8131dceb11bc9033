using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Domain.Orders;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Dispatch;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Dispatch;

/// <summary>Orders placed through the real pipeline and the deliveries they become.</summary>
internal static class DispatchSlice
{
    public const string Rep = "rep@portal.local";
    public const string Dispatcher = "dispatcher@portal.local";
    public const string CourierLogin = "courier@portal.local";
    public const string Courier2Login = "courier2@portal.local";
    public const string CustomerId = "44010619900307001X";
    public const string HandsetSku = "HS-HW-NOVA12-256-WHT";
    public const string SimSku = "SIM-5G-STD";

    public static DateOnly Tomorrow => DateOnly.Parse(OrderSlice.Tomorrow);

    /// <summary>A handset and a SIM card, cash at the door, to a known address in Tianhe (in-house channel).</summary>
    public static async Task<PlaceOrder.Result> PlaceHandsetOrder(PortalHost host, string district = "天河区", string line = "体育西路191号 1203 室") =>
        await host.Send(
            new PlaceOrder.Command(
                "PreOrderDelivery",
                new PlaceOrder.CustomerInput("林晓", OrderSlice.NewPhone(), CustomerId, new PlaceOrder.AddressInput("广州市", district, line)),
                [new PlaceOrder.LineInput(HandsetSku, 1), new PlaceOrder.LineInput(SimSku, 1)],
                "CashOnDelivery",
                new PlaceOrder.DeliveryWindowInput(OrderSlice.Tomorrow, "14:00-18:00")),
            await host.PrincipalFor(Rep));

    /// <summary>A SIM card and a charger, cash at the door, to Haizhu where no community manager works: assigned to the courier company.</summary>
    public static async Task<Delivery> AssignedToCompany(PortalHost host)
    {
        var placed = await host.Send(
            new PlaceOrder.Command(
                "PreOrderDelivery",
                new PlaceOrder.CustomerInput("郑敏", OrderSlice.NewPhone(), CustomerId, new PlaceOrder.AddressInput("广州市", "海珠区", "新港中路397号")),
                [new PlaceOrder.LineInput(SimSku, 1), new PlaceOrder.LineInput("ACC-CHARGER-66W", 1)],
                "CashOnDelivery",
                new PlaceOrder.DeliveryWindowInput(OrderSlice.Tomorrow, "09:00-12:00")),
            await host.PrincipalFor(Rep));
        var delivery = await DeliveryOf(host, placed.Number);
        Assert.Equal(DeliveryChannel.CourierCompany, delivery.Channel);
        await host.Send(
            new AssignDelivery.Command(delivery.Id, await CourierId(host, DemoAccounts.CourierCompanyClient), delivery.Version, null),
            await host.PrincipalFor(Dispatcher));
        return await DeliveryOf(host, placed.Number);
    }

    public static Task<Delivery> DeliveryOf(PortalHost host, string orderNumber) =>
        host.WithDb(db => db.Deliveries.AsNoTracking().SingleAsync(d => d.OrderNumber == orderNumber));

    public static Task<Order> OrderOf(PortalHost host, string orderNumber) =>
        host.WithDb(db => db.Orders.AsNoTracking().SingleAsync(o => o.Number == orderNumber));

    public static Task<long> CourierId(PortalHost host, string login) =>
        host.WithDb(db => db.Couriers.Where(c => c.Login == login).Select(c => c.Id).SingleAsync());

    public static async Task<ClaimsPrincipal> NewDispatcher(PortalHost host)
    {
        var email = $"dispatcher-{Guid.NewGuid():N}@portal.local";
        await host.WithUsers(async users =>
        {
            var user = new PortalUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Demo!2345")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Dispatcher);
        });
        return await host.PrincipalFor(email);
    }

    /// <summary>A tiny but real PNG header, as the signature canvas sends it.</summary>
    public static string SignaturePng() =>
        "data:image/png;base64," + Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
}
