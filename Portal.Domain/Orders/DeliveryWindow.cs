using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Orders;

/// <summary>The date and time range, in China time, the customer agreed to receive the courier.</summary>
public sealed record DeliveryWindow
{
    private DeliveryWindow(DateOnly date, TimeOnly from, TimeOnly to)
    {
        Date = date;
        From = from;
        To = to;
    }

    public DateOnly Date { get; }

    public TimeOnly From { get; }

    public TimeOnly To { get; }

    public static DeliveryWindow Create(DateOnly date, TimeOnly from, TimeOnly to) => from < to
        ? new DeliveryWindow(date, from, to)
        : throw new DomainException("delivery_window.invalid", $"The window must end after it starts ({from:HH\\:mm}-{to:HH\\:mm})");

    /// <summary>Parses a time range such as "14:00-18:00" on the given date.</summary>
    public static DeliveryWindow Parse(DateOnly date, string timeRange)
    {
        var parts = (timeRange ?? string.Empty).Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            throw new DomainException("delivery_window.invalid", $"'{timeRange}' is not a time range like 14:00-18:00");
        }

        return Create(date, from, to);
    }

    public bool IsInPast(DateTime nowUtc) => Date < ChinaTime.Today(nowUtc);

    public override string ToString() =>
        $"{Date:yyyy-MM-dd} {From.ToString("HH:mm", CultureInfo.InvariantCulture)}-{To.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
