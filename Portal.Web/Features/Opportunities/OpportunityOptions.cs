namespace Portal.Web.Features.Opportunities;

/// <summary>Configuration section "Opportunities": how quickly the back office promises to contact a customer.</summary>
public sealed class OpportunityOptions
{
    /// <summary>An opportunity nobody has contacted this many hours after it was registered is overdue.</summary>
    public double ContactWithinHours { get; set; } = 4;

    public TimeSpan ContactWithin => TimeSpan.FromHours(ContactWithinHours);

    /// <summary>How often the stale-opportunity sweep looks for newly overdue opportunities (one node runs it).</summary>
    public double SweepEveryMinutes { get; set; } = 5;
}
