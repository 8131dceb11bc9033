namespace Portal.Web.Features.KeyMoments;

/// <summary>Configuration section "KeyMoments".</summary>
public sealed class KeyMomentOptions
{
    public const string Section = "KeyMoments";

    /// <summary>After a decline or a do-not-contact, the same offer is not made to the customer for this many days.</summary>
    public int QuietPeriodDays { get; set; } = 30;

    /// <summary>How often the rules run over every customer's latest facts (one node runs it), besides on arrival; 0 never.</summary>
    public double EvaluateEveryMinutes { get; set; } = 60;
}
