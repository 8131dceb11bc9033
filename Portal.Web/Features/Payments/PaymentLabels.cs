using Microsoft.Extensions.Localization;
using Portal.Domain.Payments;
using Portal.Web.Common.Localization;

namespace Portal.Web.Features.Payments;

/// <summary>Payment words on screen, from the same English names the server's messages use.</summary>
public static class PaymentLabels
{
    public static string AttemptName(IStringLocalizer L, string status) => Name<PaymentAttemptStatus>(L, status);

    public static string RefundName(IStringLocalizer L, string status) => Name<RefundStatus>(L, status);

    public static string ChannelLabel(IStringLocalizer L, string channel) => Name<PaymentChannel>(L, channel);

    public static MudBlazor.Color AttemptColor(string status) => status switch
    {
        nameof(PaymentAttemptStatus.Succeeded) => MudBlazor.Color.Success,
        nameof(PaymentAttemptStatus.Failed) or nameof(PaymentAttemptStatus.Cancelled) => MudBlazor.Color.Error,
        nameof(PaymentAttemptStatus.Pending) => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Info,
    };

    private static string Name<TEnum>(IStringLocalizer L, string value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, out var parsed) ? L[ServerText.EnglishName(parsed)] : value;
}
