namespace Portal.Infrastructure.Identity;

/// <summary>The portal's roles; names are stored in the database and used in [Authorize] attributes.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Rep = nameof(Rep);
    public const string BackOffice = nameof(BackOffice);
    public const string Dispatcher = nameof(Dispatcher);
    public const string Courier = nameof(Courier);
    public const string Cashier = nameof(Cashier);
    public const string Finance = nameof(Finance);
    public const string Supervisor = nameof(Supervisor);

    /// <summary>Principals authenticated by API key carry this role, never a staff role.</summary>
    public const string Integration = nameof(Integration);

    /// <summary>The portal's own background work (outbox delivery, jobs); never given to a person or an API client.</summary>
    public const string System = nameof(System);

    public static readonly IReadOnlyList<string> Staff = [Admin, Rep, BackOffice, Dispatcher, Courier, Cashier, Finance, Supervisor];
}
