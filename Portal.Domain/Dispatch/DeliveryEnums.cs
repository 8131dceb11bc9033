namespace Portal.Domain.Dispatch;

public enum DeliveryStatus
{
    /// <summary>Ready at the station, waiting for a courier.</summary>
    Waiting,

    /// <summary>Kept back by the dispatcher (e.g. the customer asked to wait); not proposed for assignment.</summary>
    OnHold,
    Assigned,

    /// <summary>The courier confirmed taking the parcel at the station.</summary>
    PickedUp,
    OutForDelivery,
    Delivered,
    FailedAttempt,

    /// <summary>A new window is agreed; the delivery waits for a courier again.</summary>
    Rescheduled,

    /// <summary>The goods went back into stock.</summary>
    Returned,
    Cancelled,
}

/// <summary>How the amount due is taken at the door.</summary>
public enum CollectionMethod
{
    /// <summary>Prepaid online: nothing to collect.</summary>
    None,
    Cash,
    Pos,
}

public enum FailureReason
{
    CustomerAbsent,
    CustomerRefused,
    WrongAddress,
    IdCheckFailed,
    CannotPay,
    CustomerAskedForLater,
    Other,
}

public enum IdDocumentType
{
    ResidentIdCard,
    Passport,
    HomeReturnPermit,
}

/// <summary>The statuses the courier company reports for its own last mile.</summary>
public enum CarrierEventType
{
    PickedUp,
    OutForDelivery,
    Delivered,
    Failed,
    Returned,
}
