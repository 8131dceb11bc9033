namespace Portal.Domain.Orders;

/// <summary>The delivery slots couriers work in; a delivered order takes one of these, never a made-up range.</summary>
public static class DeliverySlots
{
    public static readonly IReadOnlyList<string> Standard = ["09:00-12:00", "14:00-18:00", "18:00-21:00"];

    public static bool IsOffered(string? slot) =>
        Standard.Contains((slot ?? "").Replace(" ", ""), StringComparer.Ordinal);
}
