using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Dispatch;

public enum DeliveryChannel
{
    /// <summary>Our own delivery staff: can explain the product and help activate it; the costliest.</summary>
    InHouse,

    /// <summary>A community manager delivering inside the communities they cover.</summary>
    CommunityManager,

    /// <summary>The external courier company: standard and cheaper; integrates by API or daily file.</summary>
    CourierCompany,
}

/// <summary>
/// Someone who takes deliveries out: a staff member or community manager signing in as <see cref="Login"/>, or
/// the courier company (its API client's name), which runs its own last mile.
/// </summary>
public sealed class Courier : Entity
{
    private readonly List<string> _zoneCodes = [];

    private Courier()
    {
        Login = null!;
        Name = null!;
    }

    public string Login { get; private set; }

    public string Name { get; private set; }

    public DeliveryChannel Channel { get; private set; }

    /// <summary>Stops a day; the courier company's figure is its contracted pickup volume.</summary>
    public int CapacityPerDay { get; private set; }

    /// <summary>Where the day's run starts (the station the courier picks up from).</summary>
    public GeoPoint Start { get; private set; }

    /// <summary>Zones served; the courier company with none listed serves every zone.</summary>
    public IReadOnlyList<string> ZoneCodes => _zoneCodes;

    public bool IsActive { get; private set; }

    /// <summary>What the customer sees on the tracking page: the first character(s) of the name only.</summary>
    public string FirstName => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    public static Courier Create(
        string login, string name, DeliveryChannel channel, int capacityPerDay, GeoPoint start, IEnumerable<string> zoneCodes)
    {
        if (capacityPerDay <= 0)
        {
            throw new DomainException("courier.invalid_capacity", $"Capacity per day must be greater than zero (was {capacityPerDay})");
        }

        var courier = new Courier
        {
            Login = Require.Text(login, "Login", 100, "courier.invalid"),
            Name = Require.Text(name, "Name", 50, "courier.invalid"),
            Channel = channel,
            CapacityPerDay = capacityPerDay,
            Start = start,
            IsActive = true,
        };
        courier._zoneCodes.AddRange(zoneCodes.Select(z => z.Trim().ToUpperInvariant()).Distinct());
        if (courier._zoneCodes.Count == 0 && channel != DeliveryChannel.CourierCompany)
        {
            throw new DomainException("courier.no_zones", $"{courier.Name} must cover at least one zone");
        }

        return courier;
    }

    public bool Covers(string zoneCode) =>
        IsActive && (_zoneCodes.Count == 0 || _zoneCodes.Contains(zoneCode.ToUpperInvariant()));

    public void ChangeCapacity(int capacityPerDay) => CapacityPerDay = capacityPerDay > 0
        ? capacityPerDay
        : throw new DomainException("courier.invalid_capacity", $"Capacity per day must be greater than zero (was {capacityPerDay})");

    public void Deactivate() => IsActive = false;
}
