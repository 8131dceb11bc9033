using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Portal.Domain.Dispatch;

/// <summary>
/// The id of a handover to the courier company (交接单): one company on one business day, written "H" + company
/// courier id + date (H7-20261202). Both sides can work it out, so the sheet needs no record of its own and the
/// company quotes it back in its status events.
/// </summary>
public readonly record struct HandoverId(long CompanyId, DateOnly Day)
{
    public override string ToString() => $"H{CompanyId.ToString(CultureInfo.InvariantCulture)}-{Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public static bool TryParse([NotNullWhen(true)] string? text, out HandoverId id)
    {
        id = default;
        var parts = (text ?? string.Empty).Split('-');
        if (parts.Length == 2 && parts[0].Length > 1 && parts[0][0] == 'H'
            && long.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var company)
            && DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            id = new HandoverId(company, day);
            return true;
        }

        return false;
    }
}
