namespace Portal.Web.Features.Overview;

/// <summary>Configuration section "Overview".</summary>
public sealed class OverviewOptions
{
    public const string Section = "Overview";

    /// <summary>How often an open overview page reads a fresh snapshot.</summary>
    public int RefreshSeconds { get; set; } = 5;
}
