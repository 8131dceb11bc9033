using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Domain.Shared;

namespace Portal.Tests.Domain;

/// <summary>Known-good values shared by the domain tests.</summary>
internal static class DomainTestData
{
    // 10:00 in China on 1 June 2025.
    public static readonly DateTime Now = new(2025, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    public const string ValidImei = "490154203237518";
    public const string ValidIccid = "8986001234567890123";
    public const string Rep = "rep.li";

    public static readonly Msisdn Phone = Msisdn.Parse("13812345678");
    public static readonly Address Home = Address.Create("广州", "天河区", "体育西路 1 号");

    public static Product Plan58() => Product.Plan("PLAN-58", "畅享 58", Money.Yuan(58), 30, 200);

    public static Product Plan96() => Product.Plan("PLAN-96", "畅享 96", Money.Yuan(96), 60, 500);

    public static Product DataPack() => Product.AddOn("ADD-10G", "10GB 流量包", Money.Yuan(30), 10, 0);

    public static Product Phone5G() =>
        Product.Handset("HS-X1-128", "X1 5G", Money.Yuan(2999), "Acme", "X1", "Black", 128);

    public static Product SimCard() => Product.Sim("SIM-STD", "标准 SIM 卡", Money.Yuan(10));

    public static Product Case() => Product.Accessory("ACC-CASE", "手机壳", Money.Yuan(49));

    public static CustomerProfile Profile(decimal? planFee = null, CustomerTier tier = CustomerTier.Standard, params string[] tags) =>
        new(planFee is { } fee ? Money.Yuan(fee) : null, tier, tags);

    public static OrderCustomer Buyer(CustomerProfile? profile = null) =>
        new(42, "张三", Phone, profile ?? Profile(58));

    public static DeliveryWindow Tomorrow() => DeliveryWindow.Parse(new DateOnly(2025, 6, 2), "14:00-18:00");

    /// <summary>Pays the order in full through the given channel and lets the order derive its status.</summary>
    public static Payment PayInFull(Order order, PaymentChannel channel = PaymentChannel.Online)
    {
        var payment = channel switch
        {
            PaymentChannel.Cash => Payment.CollectCash(Guid.NewGuid(), order.Number, order.Total, order.Total, "courier.wang", Now),
            PaymentChannel.Pos => Payment.RecordPosSlip(Guid.NewGuid(), order.Number, order.Total, "SLIP-" + order.Number, "T-01", "courier.wang", Now),
            _ => Payment.StartOnline(Guid.NewGuid(), order.Number, order.Total, "customer", Now),
        };
        if (channel is PaymentChannel.Online or PaymentChannel.Terminal)
        {
            payment.AttachProviderReference("pi_" + order.Number);
            payment.ConfirmCapture(order.Total.ToMinorUnits(), "cny", "stripe", Now);
        }

        order.ApplyPayments([payment], "stripe", Now);
        return payment;
    }

    public static DomainException Throws(Action action, string code)
    {
        var ex = Assert.Throws<DomainException>(action);
        Assert.Equal(code, ex.Code);
        return ex;
    }
}
