using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Shared;

namespace Portal.Domain.Catalog;

/// <summary>Who a policy is for. Empty tier list means any tier; every required tag must be present.</summary>
public sealed record PolicyEligibility
{
    private PolicyEligibility(Money? minPlanFee, Money? maxPlanFee, CustomerTier[] allowedTiers, string[] requiredTags)
    {
        MinPlanFee = minPlanFee;
        MaxPlanFee = maxPlanFee;
        AllowedTiers = allowedTiers;
        RequiredTags = requiredTags;
    }

    public static PolicyEligibility Anyone { get; } = new(null, null, [], []);

    public Money? MinPlanFee { get; }

    public Money? MaxPlanFee { get; }

    public IReadOnlyList<CustomerTier> AllowedTiers { get; }

    public IReadOnlyList<string> RequiredTags { get; }

    public static PolicyEligibility Create(
        Money? minPlanFee = null,
        Money? maxPlanFee = null,
        IEnumerable<CustomerTier>? allowedTiers = null,
        IEnumerable<string>? requiredTags = null)
    {
        if (minPlanFee is { } min && maxPlanFee is { } max && min > max)
        {
            throw new DomainException(
                "policy.invalid", $"Minimum plan fee {min} is above the maximum {max}");
        }

        return new PolicyEligibility(
            minPlanFee,
            maxPlanFee,
            (allowedTiers ?? []).Distinct().Order().ToArray(),
            (requiredTags ?? [])
                .Select(t => Require.Text(t, "Required tag", 30, "policy.invalid").ToLowerInvariant())
                .Distinct()
                .ToArray());
    }

    /// <summary>Null when the profile qualifies, otherwise the reason the rep reads out.</summary>
    public DomainMessage? ReasonToRefuse(CustomerProfile profile)
    {
        if (MinPlanFee is not null || MaxPlanFee is not null)
        {
            var fee = profile.CurrentPlanFee;
            if (fee is null || (MinPlanFee is { } min && fee < min) || (MaxPlanFee is { } max && fee > max))
            {
                // One whole sentence per case, so each reads naturally once translated.
                if (MinPlanFee is { } from && MaxPlanFee is { } to)
                {
                    return fee is { } pays
                        ? Message($"Only for customers on a plan of {from}–{to} a month; this customer pays {pays}")
                        : Message($"Only for customers on a plan of {from}–{to} a month; this customer has no plan");
                }

                if (MinPlanFee is { } atLeast)
                {
                    return fee is { } pays
                        ? Message($"Only for customers on a plan of at least {atLeast} a month; this customer pays {pays}")
                        : Message($"Only for customers on a plan of at least {atLeast} a month; this customer has no plan");
                }

                return fee is { } paying
                    ? Message($"Only for customers on a plan of at most {MaxPlanFee} a month; this customer pays {paying}")
                    : Message($"Only for customers on a plan of at most {MaxPlanFee} a month; this customer has no plan");
            }
        }

        if (AllowedTiers.Count > 0 && !AllowedTiers.Contains(profile.Tier))
        {
            return Message($"Only for {new TierChoice(AllowedTiers)} customers");
        }

        var missing = RequiredTags.Where(t => !profile.HasTag(t)).ToArray();
        return missing.Length switch
        {
            0 => null,
            1 => Message($"Customer lacks tag '{missing[0]}'"),
            _ => Message($"Customer lacks tags {string.Join(", ", missing.Select(t => $"'{t}'"))}"),
        };
    }

    private static DomainMessage Message(DomainMessage message) => message;
}
