namespace Portal.Domain.Orders;

public enum OrderFlow
{
    /// <summary>Handled at once in the operator's BSS; nothing is shipped.</summary>
    Direct,

    /// <summary>Goods are reserved, paid for and delivered by a courier.</summary>
    PreOrderDelivery,

    /// <summary>Created from an appointment registration (opportunity) after follow-up.</summary>
    Appointment,
}

public enum OrderStatus
{
    Draft,
    Submitted,
    AwaitingPayment,
    ReadyForDispatch,
    Assigned,
    OutForDelivery,
    Delivered,
    Completed,
    FailedAttempt,
    Rescheduled,
    Returned,
    Cancelled,
    ProvisioningFailed,
}

public enum PaymentMethod
{
    CashOnDelivery,
    PosOnDelivery,
    Online,
    BillToAccount,
}

/// <summary>Where the money stands, tracked apart from where the goods are.</summary>
public enum PaymentStatus
{
    /// <summary>Billed to the customer's account; the BSS collects it with the next bill.</summary>
    NotDue,

    /// <summary>The customer has been sent a payment link and has not paid yet.</summary>
    AwaitingOnline,

    /// <summary>The courier collects cash or a POS payment at the door.</summary>
    CollectOnDelivery,

    /// <summary>The money has been received (online, or by the courier at delivery).</summary>
    Paid,

    /// <summary>Paid, but the order was cancelled or returned: the money must go back.</summary>
    RefundDue,

    /// <summary>The refund has been made.</summary>
    Refunded,

    /// <summary>The order ended before anything was paid; nothing is owed either way.</summary>
    Voided,
}
