namespace Portal.Web.Features.Opportunities;

/// <summary>Configuration section "Opportunities": how quickly the back office promises to contact a customer.</summary>
public sealed class OpportunityOptions
{
    /// <summary>An opportunity nobody has contacted this many hours after it was registered is overdue.</summary>
    public double ContactWithinHours { get; set; } = 4;

    public TimeSpan ContactWithin => TimeSpan.FromHours(ContactWithinHours);
}
