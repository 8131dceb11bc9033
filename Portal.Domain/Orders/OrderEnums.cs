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

/// <summary>Where the money stands, tracked apart from where the goods are; derived from the order's payments.</summary>
public enum PaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    PartiallyRefunded,
    Refunded,
}
