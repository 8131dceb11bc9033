using Portal.Domain.Catalog;
using Portal.Domain.Shared;

namespace Portal.Domain.Orders;

/// <summary>
/// What an order costs: the goods, less a discount offer (never below zero) or plus a prestore offer, and how much
/// the courier collects. The order prices itself with it and the order form quotes the rep with it, so both agree.
/// </summary>
public sealed record OrderPrice(Money GoodsTotal, Money Discount, Money Prestore, Money Credit, Money Total, Money AmountToCollect)
{
    public static OrderPrice Of(Money goodsTotal, PolicyEffect? offer, PaymentMethod? payment)
    {
        // A discount larger than the goods makes them free; it never turns into money owed to the customer.
        var discount = offer is { Kind: PolicyEffectKind.Discount } ? Money.Min(offer.Amount, goodsTotal) : Money.Zero;
        var prestore = offer is { Kind: PolicyEffectKind.PrestoreCredit } ? offer.Amount : Money.Zero;
        var credit = offer is { Kind: PolicyEffectKind.PrestoreCredit } ? offer.Credit : Money.Zero;
        var total = goodsTotal - discount + prestore;
        return new OrderPrice(goodsTotal, discount, prestore, credit, total, PaymentRules.IsCollectedAtTheDoor(payment) ? total : Money.Zero);
    }
}
