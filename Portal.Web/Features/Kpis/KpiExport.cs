using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using Portal.Domain.Dispatch;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Errors;
using Portal.Web.Features.Documents;

namespace Portal.Web.Features.Kpis;

/// <summary>
/// The KPI table as CSV and Excel, in the reader's language. Every text cell is formula-escaped: a courier or zone
/// name starting with = + - @ opens as text in a spreadsheet, never as a formula.
/// </summary>
public static class KpiExport
{
    public static void MapKpiExport(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/dispatch").AddEndpointFilter<ProblemMappingFilter>().ExcludeFromDescription();
        exports.MapGet("/kpis.csv", async (string? from, string? to, string? by, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            CsvFile(await Table(http, sender, from, to, by, ct), "delivery-kpis.csv"));
        exports.MapGet("/kpis.xlsx", async (string? from, string? to, string? by, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            await XlsxFile(await Table(http, sender, from, to, by, ct), "delivery-kpis.xlsx", ct));
    }

    /// <summary>A table (header first) as a CSV download, text escaped and quoted, numbers invariant.</summary>
    internal static IResult CsvFile(List<object?[]> table, string fileName)
    {
        var csv = new StringBuilder();
        foreach (var line in table)
        {
            csv.AppendJoin(',', line.Select(Csv)).Append("\r\n");
        }

        // A byte-order mark so Excel opens the Chinese names as UTF-8.
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>The same table as an Excel sheet, text escaped the same way.</summary>
    internal static async Task<IResult> XlsxFile(List<object?[]> table, string fileName, CancellationToken ct)
    {
        var rows = table.Skip(1).Select(line => table[0].Select((header, i) => (header: (string)header!, value: line[i]))
            .ToDictionary(c => c.header, c => c.value is string text ? Escape(text) : c.value ?? "")).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, cancellationToken: ct);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    /// <summary>Header then one line per group and the total; numbers stay numbers, text is escaped when written.</summary>
    internal static async Task<List<object?[]>> Table(HttpContext http, ScopedSender sender, string? from, string? to, string? by, CancellationToken ct)
    {
        var query = new DeliveryKpis.Query(Date(from, "from"), Date(to, "to"), Enum.TryParse<KpiDimension>(by, true, out var d) && Enum.IsDefined(d) ? d : KpiDimension.Channel);
        var report = await sender.Send(query, http.User, ct);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var reasons = Enum.GetValues<FailureReason>();
        var table = new List<object?[]>
        {
            new object?[] { (string)l[query.By.ToString()], l["Finished"], l["Delivered"], l["Average hours to deliver"], l["On-time rate"], l["First-attempt success rate"] }
                .Concat(reasons.Select(r => (object?)DeliveryTexts.Reason(l, r))).Select(h => (object?)h?.ToString()).ToArray(),
        };
        foreach (var row in report.Rows.Append(report.Total with { Group = l["Total"] }))
        {
            table.Add(new object?[] { KpiLabels.Group(l, query.By, row.Group), row.Finished, row.Delivered, Round(row.AverageHoursToDeliver), Round(row.OnTimeRate), Round(row.FirstAttemptRate) }
                .Concat(reasons.Select(r => (object?)row.Failures.GetValueOrDefault(r))).ToArray());
        }

        return table;
    }

    /// <summary>Text a spreadsheet would read as a formula gets a leading apostrophe (OWASP CSV injection).</summary>
    public static string Escape(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Csv(object? value) => value switch
    {
        null => "",
        string text => '"' + Escape(text).Replace("\"", "\"\"") + '"',
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    internal static DateOnly Date(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw RequestValidationException.For(field, $"{field} is required as YYYY-MM-DD.");
}

/// <summary>Group names as the reader sees them: channels translated, the rest as stored.</summary>
public static class KpiLabels
{
    public static string Group(IStringLocalizer<SharedResource> l, KpiDimension by, string group) =>
        by == KpiDimension.Channel && Enum.TryParse<DeliveryChannel>(group, out var channel) ? DeliveryTexts.Channel(l, channel) : group;
}
