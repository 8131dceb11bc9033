using System.Globalization;
using System.Numerics;

namespace Portal.Web.Features.KeyMoments;

/// <summary>
/// The usage file: a header row naming the columns of <see cref="RecordUsage.Row"/> (any order, case-insensitive),
/// then one row per number and month. Dates are YYYY-MM-DD; empty optional cells are null.
/// </summary>
public static class UsageCsv
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns =
        ["phone", "period", "planCode", "dataUsedMb", "dataQuotaMb", "voiceMinutes", "bill", "contractEndsOn", "handsetModel", "handsetSince"];

    public sealed record ParsedRow(int Line, RecordUsage.Row Row);

    public sealed record RowError(int Line, string Message);

    public sealed record Parsed(IReadOnlyList<ParsedRow> Rows, IReadOnlyList<RowError> Errors);

    /// <summary>Reads every row, collecting each row's problems (format and the same checks as the API) instead of stopping at the first.</summary>
    public static Parsed Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var rows = new List<ParsedRow>();
        var errors = new List<RowError>();
        var header = lines.Length > 0 ? Split(lines[0].TrimStart('\uFEFF')) : [];
        var index = Columns.ToDictionary(c => c, c => Array.FindIndex(header, h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
        var missing = Columns.Take(7).Where(c => index[c] < 0).ToList();
        if (missing.Count > 0)
        {
            return new Parsed([], [new RowError(1, $"The header must name the columns {string.Join(", ", Columns)} (missing: {string.Join(", ", missing)}).")]);
        }

        var validator = new RecordUsage.RowValidator();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = Split(lines[i]);
            string? Cell(string column) => index[column] is var at and >= 0 && at < cells.Length && cells[at].Trim() is { Length: > 0 } value ? value : null;
            var problems = new List<string>();
            var row = new RecordUsage.Row(
                Cell("phone"),
                Cell("period"),
                Cell("planCode"),
                Number<int>(Cell("dataUsedMb"), "dataUsedMb", problems),
                Number<int>(Cell("dataQuotaMb"), "dataQuotaMb", problems),
                Number<int>(Cell("voiceMinutes"), "voiceMinutes", problems),
                Number<decimal>(Cell("bill"), "bill", problems),
                Date(Cell("contractEndsOn"), "contractEndsOn", problems),
                Cell("handsetModel"),
                Date(Cell("handsetSince"), "handsetSince", problems));
            problems.AddRange(validator.Validate(row).Errors.Select(e => e.ErrorMessage));
            if (problems.Count > 0)
            {
                errors.Add(new RowError(i + 1, string.Join(" ", problems.Distinct())));
            }
            else
            {
                rows.Add(new ParsedRow(i + 1, row));
            }
        }

        foreach (var twice in rows.GroupBy(r => (r.Row.Phone, r.Row.Period)).Where(g => g.Count() > 1))
        {
            errors.Add(new RowError(twice.Last().Line, $"{twice.Key.Phone} {twice.Key.Period} appears more than once."));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new RowError(1, "The file has no usage rows."));
        }

        return new Parsed(rows, errors.OrderBy(e => e.Line).ToList());
    }

    private static T? Number<T>(string? cell, string column, List<string> problems) where T : struct, INumber<T>
    {
        if (cell is null)
        {
            return null;
        }

        if (T.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{column} '{cell}' is not a number.");
        return null;
    }

    private static DateOnly? Date(string? cell, string column, List<string> problems)
    {
        if (cell is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{column} '{cell}' is not a date (YYYY-MM-DD).");
        return null;
    }

    /// <summary>Comma-separated cells; a cell in double quotes may hold commas and doubled quotes.</summary>
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
