using Portal.Domain.Shared;

namespace Portal.Domain.Marketing;

/// <summary>When the back office can call a customer back: from now up to 90 days ahead, 09:00–21:00 China time.</summary>
public static class ContactHours
{
    public static readonly TimeOnly Opens = new(9, 0);
    public static readonly TimeOnly Closes = new(21, 0);
    public const int MaxDaysAhead = 90;

    /// <summary>Five minutes of grace for the time it takes to read the slot to the customer and submit.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>Null when the time can be booked, else why not.</summary>
    public static string? Refusal(DateTime atUtc, DateTime nowUtc)
    {
        if (atUtc < nowUtc - Grace)
        {
            return "The preferred contact time is in the past.";
        }

        if (atUtc > nowUtc.AddDays(MaxDaysAhead))
        {
            return $"The preferred contact time must be within {MaxDaysAhead} days.";
        }

        var local = TimeOnly.FromDateTime(ChinaTime.FromUtc(atUtc));
        return local < Opens || local > Closes
            ? $"The preferred contact time must be between {Opens:HH\\:mm} and {Closes:HH\\:mm} China time."
            : null;
    }
}
