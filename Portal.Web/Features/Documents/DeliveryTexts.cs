using Microsoft.Extensions.Localization;
using Portal.Domain.Dispatch;

namespace Portal.Web.Features.Documents;

/// <summary>Channel and failure-reason names in the reader's language, for documents, KPIs and exports.</summary>
public static class DeliveryTexts
{
    public static string Channel(IStringLocalizer<SharedResource> l, DeliveryChannel? channel) => channel switch
    {
        DeliveryChannel.InHouse => l["In-house courier"],
        DeliveryChannel.CommunityManager => l["Community manager"],
        DeliveryChannel.CourierCompany => l["Courier company"],
        _ => "—",
    };

    public static string Reason(IStringLocalizer<SharedResource> l, FailureReason reason) => reason switch
    {
        FailureReason.CustomerAbsent => l["Customer absent"],
        FailureReason.CustomerRefused => l["Customer refused"],
        FailureReason.WrongAddress => l["Wrong address"],
        FailureReason.IdCheckFailed => l["ID check failed"],
        FailureReason.CannotPay => l["Customer cannot pay"],
        FailureReason.CustomerAskedForLater => l["Customer asked for later"],
        _ => l["Other"],
    };
}
