using Portal.Domain.Catalog;

namespace Portal.Domain.Orders;

/// <summary>Which payment methods each flow allows and which are collected at the door; pages, the API and orders ask here.</summary>
public static class PaymentRules
{
    private static readonly PaymentMethod[] Direct = [PaymentMethod.BillToAccount, PaymentMethod.Online];

    // Goods only leave the warehouse against payment: online first, or cash / POS at the door, never billed.
    private static readonly PaymentMethod[] PreOrder = [PaymentMethod.CashOnDelivery, PaymentMethod.PosOnDelivery, PaymentMethod.Online];

    /// <summary>The methods a flow offers, in the order the rep sees them; an appointment takes no payment.</summary>
    public static IReadOnlyList<PaymentMethod> AllowedFor(OrderFlow? flow) => flow switch
    {
        OrderFlow.Direct => Direct,
        OrderFlow.PreOrderDelivery => PreOrder,
        _ => [],
    };

    public static bool Allows(OrderFlow flow, PaymentMethod method) => AllowedFor(flow).Contains(method);

    /// <summary>The courier collects the order's total when handing the goods over.</summary>
    public static bool IsCollectedAtTheDoor(PaymentMethod? method) => method is PaymentMethod.CashOnDelivery or PaymentMethod.PosOnDelivery;
}

/// <summary>What each flow sells: a direct order only services (nothing to deliver), a pre-order goods with a plan or SIM.</summary>
public static class FlowRules
{
    public static bool Sells(OrderFlow? flow, ProductKind kind) => flow switch
    {
        OrderFlow.Direct => !kind.RequiresShipping(),
        // An add-on rides on an existing plan, which a delivery does not carry.
        OrderFlow.PreOrderDelivery => kind != ProductKind.AddOn,
        _ => true,
    };
}
