using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Shared;
using MudBlazor;

namespace Portal.Web.Features.Orders;

/// <summary>How order values read on screen: localized names for flows, statuses and methods, money in yuan, China time.</summary>
public static class OrderLabels
{
    public static string Yuan(decimal amount) => Money.Yuan(amount).ToString();

    /// <summary>Times are stored in UTC; reps and customers speak China time (UTC+8, no daylight saving).</summary>
    public static string ChinaTime(DateTime utc) => Portal.Domain.Shared.ChinaTime.Format(utc);

    public static string FlowName(IStringLocalizer L, string flow) => flow switch
    {
        "Direct" => L["Direct handling"],
        "PreOrderDelivery" => L["Pre-order + delivery"],
        "Appointment" => L["Appointment"],
        _ => flow,
    };

    public static string StatusName(IStringLocalizer L, string status) => status switch
    {
        "Draft" => L["Draft"],
        "Submitted" => L["Submitted"],
        "AwaitingPayment" => L["Awaiting payment"],
        "ReadyForDispatch" => L["Ready for dispatch"],
        "Assigned" => L["Assigned"],
        "OutForDelivery" => L["Out for delivery"],
        "Delivered" => L["Delivered"],
        "Completed" => L["Completed"],
        "FailedAttempt" => L["Failed attempt"],
        "Rescheduled" => L["Rescheduled"],
        "Returned" => L["Returned"],
        "Cancelled" => L["Cancelled"],
        "ProvisioningFailed" => L["Provisioning failed"],
        "New" => L["New"],
        "Claimed" => L["Claimed"],
        "Converted" => L["Converted"],
        "Lost" => L["Lost"],
        _ => status,
    };

    public static Color StatusColor(string status) => status switch
    {
        "Completed" or "Delivered" or "Converted" => Color.Success,
        "Cancelled" or "ProvisioningFailed" or "Returned" or "Lost" => Color.Error,
        "FailedAttempt" or "AwaitingPayment" or "Rescheduled" => Color.Warning,
        "Draft" or "New" => Color.Default,
        _ => Color.Info,
    };

    public static string ChannelName(IStringLocalizer L, string channel) => channel switch
    {
        "Callback" => L["Call back"],
        "StoreVisit" => L["Store visit"],
        _ => channel,
    };

    public static string PaymentStatusName(IStringLocalizer L, string status) => status switch
    {
        "Unpaid" => L["Unpaid"],
        "PartiallyPaid" => L["Partially paid"],
        "Paid" => L["Paid"],
        "PartiallyRefunded" => L["Partially refunded"],
        "Refunded" => L["Refunded"],
        _ => status,
    };

    public static string PaymentMethodName(IStringLocalizer L, string method) => method switch
    {
        "CashOnDelivery" => L["Cash on delivery"],
        "PosOnDelivery" => L["Mobile POS on delivery"],
        "Online" => L["Online"],
        "BillToAccount" => L["Bill to account"],
        _ => method,
    };

    public static string KindName(IStringLocalizer L, ProductKind kind) => kind switch
    {
        ProductKind.Plan => L["Plan"],
        ProductKind.AddOn => L["Add-on"],
        ProductKind.Handset => L["Handset"],
        ProductKind.Sim => L["SIM card"],
        _ => L["Accessory"],
    };

    public static string TierName(IStringLocalizer L, CustomerTier tier) => tier switch
    {
        CustomerTier.Vip => L["VIP"],
        CustomerTier.FourStarPlus => L["4-star+"],
        _ => L["Standard"],
    };
}
