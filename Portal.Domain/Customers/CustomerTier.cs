namespace Portal.Domain.Customers;

/// <summary>The operator's star rating of a customer; some policies are reserved for higher tiers.</summary>
public enum CustomerTier
{
    Standard,
    FourStarPlus,
    Vip,
}

public static class CustomerTierNames
{
    public static string DisplayName(this CustomerTier tier) => tier switch
    {
        CustomerTier.FourStarPlus => "4-star+",
        CustomerTier.Vip => "VIP",
        _ => "Standard",
    };
}

/// <summary>Tiers read as alternatives ("4-star+ or VIP"): a message value the web layer words in the reader's language.</summary>
public sealed record TierChoice(IReadOnlyList<CustomerTier> Tiers)
{
    public override string ToString() => string.Join(" or ", Tiers.Select(t => t.DisplayName()));
}
