using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Catalog;

public enum PolicyEffectKind
{
    /// <summary>Money off the goods total.</summary>
    Discount,

    /// <summary>The customer pays an extra prestore now and the account is credited with a (larger) amount.</summary>
    PrestoreCredit,
}

/// <summary>What a policy does to the order's money. Amount is the discount or the prestore; Credit only applies to prestores.</summary>
public sealed record PolicyEffect
{
    private PolicyEffect(PolicyEffectKind kind, Money amount, Money credit)
    {
        Kind = kind;
        Amount = amount;
        Credit = credit;
    }

    public PolicyEffectKind Kind { get; }

    public Money Amount { get; }

    public Money Credit { get; }

    public static PolicyEffect Discount(Money amountOff)
    {
        if (amountOff <= Money.Zero)
        {
            throw new DomainException("policy.invalid", "A discount must be greater than zero");
        }

        return new PolicyEffect(PolicyEffectKind.Discount, amountOff, Money.Zero);
    }

    public static PolicyEffect Prestore(Money prestore, Money credit)
    {
        if (prestore <= Money.Zero || credit <= Money.Zero)
        {
            throw new DomainException("policy.invalid", "Prestore and credit must both be greater than zero");
        }

        return new PolicyEffect(PolicyEffectKind.PrestoreCredit, prestore, credit);
    }

    public override string ToString() => Kind == PolicyEffectKind.Discount
        ? $"{Amount} off"
        : $"Prestore {Amount}, get {Credit} credit";
}
