using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Domain.KeyMoments;
using Portal.Web.Common.Localization;

namespace Portal.Web.Features.KeyMoments;

/// <summary>How the key-moment screens word things: enum values by their localized names, bilingual rule texts by the reader's language.</summary>
public static class KeyMomentText
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The rule's own text in the reader's language (rules are written in both by the admin).</summary>
    public static string Pick(string english, string chinese) => IsChinese ? chinese : english;

    public static string Name(this IStringLocalizer<SharedResource> localizer, Enum value) => localizer[ServerText.EnglishName(value)];

    public static Color StatusColor(RepTaskStatus status) => status switch
    {
        RepTaskStatus.Open => Color.Info,
        RepTaskStatus.Claimed => Color.Warning,
        _ => Color.Default,
    };

    public static string ChinaTime(DateTime utc) => Portal.Domain.Shared.ChinaTime.Format(utc);
}
