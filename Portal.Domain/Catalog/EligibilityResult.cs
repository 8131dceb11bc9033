using Portal.Domain.Common;

namespace Portal.Domain.Catalog;

/// <summary><see cref="Why"/> keeps the reason's template and values, so it can be read out in the rep's language.</summary>
public sealed record EligibilityResult(bool IsEligible, DomainMessage? Why)
{
    public static EligibilityResult Eligible { get; } = new(true, null);

    /// <summary>The reason in English.</summary>
    public string? Reason => Why?.Text;

    public static EligibilityResult Ineligible(DomainMessage reason) => new(false, reason);
}
