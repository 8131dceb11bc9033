using Microsoft.Extensions.Localization;
using Portal.Domain.Dispatch;

namespace Portal.Web.Features.Dispatch;

/// <summary>Dispatch's words as the dispatcher, the courier and the customer read them, in their language.</summary>
public static class DispatchNames
{
    public static string Name(this IStringLocalizer L, DeliveryStatus status) => status switch
    {
        DeliveryStatus.Waiting => L["Waiting for a courier"],
        DeliveryStatus.OnHold => L["On hold"],
        DeliveryStatus.Assigned => L["Assigned"],
        DeliveryStatus.PickedUp => L["Picked up"],
        DeliveryStatus.OutForDelivery => L["Out for delivery"],
        DeliveryStatus.Delivered => L["Delivered"],
        DeliveryStatus.FailedAttempt => L["Delivery attempt failed"],
        DeliveryStatus.Rescheduled => L["Rescheduled"],
        DeliveryStatus.Returned => L["Returned to stock"],
        _ => L["Cancelled"],
    };

    public static string Name(this IStringLocalizer L, DeliveryChannel? channel) => channel switch
    {
        DeliveryChannel.InHouse => L["In-house courier"],
        DeliveryChannel.CommunityManager => L["Community manager"],
        DeliveryChannel.CourierCompany => L["Courier company"],
        _ => L["No channel yet"],
    };

    public static string Name(this IStringLocalizer L, FailureReason reason) => reason switch
    {
        FailureReason.CustomerAbsent => L["Customer not there"],
        FailureReason.CustomerRefused => L["Customer refused"],
        FailureReason.WrongAddress => L["Wrong address"],
        FailureReason.IdCheckFailed => L["ID check failed"],
        FailureReason.CannotPay => L["Customer cannot pay"],
        FailureReason.CustomerAskedForLater => L["Customer asked for later"],
        _ => L["Other"],
    };

    public static string Name(this IStringLocalizer L, IdDocumentType type) => type switch
    {
        IdDocumentType.ResidentIdCard => L["Resident ID card"],
        IdDocumentType.Passport => L["Passport"],
        _ => L["Home Return Permit"],
    };

    /// <summary>Distances as couriers think of them: kilometres with one decimal.</summary>
    public static string Kilometres(int metres) => (metres / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " km";
}
