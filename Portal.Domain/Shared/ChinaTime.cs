using System.Globalization;

namespace Portal.Domain.Shared;

/// <summary>
/// The business works in China Standard Time (UTC+8, no daylight saving): dates on the phone, delivery days and
/// order numbers are China dates, while everything stored is UTC.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset;

    public static DateOnly Today(DateTime nowUtc) => DateOnly.FromDateTime(FromUtc(nowUtc));

    /// <summary>A China wall-clock time (as typed by a rep) in UTC.</summary>
    public static DateTime ToUtc(DateTime chinaTime) => DateTime.SpecifyKind(chinaTime - Offset, DateTimeKind.Utc);

    public static DateTime StartOfDayUtc(DateOnly chinaDate) => ToUtc(chinaDate.ToDateTime(TimeOnly.MinValue));

    public static string Format(DateTime utc) => FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
