namespace Portal.Domain.Marketing;

public enum OpportunityStatus
{
    New,
    Claimed,
    Converted,
    Lost,
}

public enum ContactChannel
{
    Callback,
    StoreVisit,
}

public enum ContactOutcome
{
    Reached,
    NoAnswer,
    CallBackLater,
}
