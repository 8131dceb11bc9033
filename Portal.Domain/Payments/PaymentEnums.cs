namespace Portal.Domain.Payments;

/// <summary>How the money is taken for one payment attempt.</summary>
public enum PaymentChannel
{
    /// <summary>Cash collected by the courier at the door.</summary>
    Cash,

    /// <summary>A standalone bank POS at the door; the courier records the slip.</summary>
    Pos,

    /// <summary>A Stripe Terminal card reader driven by the server (card_present).</summary>
    Terminal,

    /// <summary>Card, Alipay or WeChat Pay on the public pay page (Stripe PaymentIntent).</summary>
    Online,
}

/// <summary>Where one payment attempt stands. Refund states follow Succeeded only.</summary>
public enum PaymentAttemptStatus
{
    Pending,
    Succeeded,
    Failed,
    Cancelled,
    PartiallyRefunded,
    Refunded,
}

public enum RefundStatus
{
    /// <summary>Above the approval limit: waits for a second person.</summary>
    AwaitingApproval,

    /// <summary>Approved (or under the limit) and being paid out.</summary>
    Requested,

    Succeeded,
    Failed,
}
