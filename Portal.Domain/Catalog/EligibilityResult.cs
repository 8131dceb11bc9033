namespace Portal.Domain.Catalog;

public sealed record EligibilityResult(bool IsEligible, string? Reason)
{
    public static EligibilityResult Eligible { get; } = new(true, null);

    public static EligibilityResult Ineligible(string reason) => new(false, reason);
}
