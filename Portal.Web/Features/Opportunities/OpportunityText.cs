using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Marketing;
using MudBlazor;

namespace Portal.Web.Features.Opportunities;

/// <summary>How the opportunity pages word and format statuses, channels, outcomes, times and ages.</summary>
public static class OpportunityText
{
    public static string ChinaTime(DateTime utc) => Portal.Domain.Shared.ChinaTime.Format(utc);

    public static string Status(this IStringLocalizer l, OpportunityStatus status) => status switch
    {
        OpportunityStatus.New => l["New"],
        OpportunityStatus.Claimed => l["Claimed"],
        OpportunityStatus.Converted => l["Converted"],
        _ => l["Lost"],
    };

    public static Color StatusColor(OpportunityStatus status) => status switch
    {
        OpportunityStatus.New => Color.Info,
        OpportunityStatus.Claimed => Color.Primary,
        OpportunityStatus.Converted => Color.Success,
        _ => Color.Default,
    };

    public static string Channel(this IStringLocalizer l, ContactChannel channel) =>
        channel == ContactChannel.Callback ? l["Call back"] : l["Store visit"];

    public static string Outcome(this IStringLocalizer l, ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Reached => l["Reached"],
        ContactOutcome.NoAnswer => l["No answer"],
        _ => l["Call back later"],
    };

    public static string Age(this IStringLocalizer l, TimeSpan age) =>
        age.TotalDays >= 1 ? l["{0} d {1} h", (int)age.TotalDays, age.Hours]
        : age.TotalHours >= 1 ? l["{0} h {1} min", (int)age.TotalHours, age.Minutes]
        : l["{0} min", Math.Max(0, (int)age.TotalMinutes)];

    public static string DetailHref(string number) => $"/backoffice/opportunities/{Uri.EscapeDataString(number)}";
}
