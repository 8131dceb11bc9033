using Portal.Domain.Shared;

namespace Portal.Domain.Customers;

/// <summary>What a policy needs to know about a customer, without depending on the Customer aggregate.</summary>
public sealed record CustomerProfile(Money? CurrentPlanFee, CustomerTier Tier, IReadOnlyCollection<string> Tags)
{
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
