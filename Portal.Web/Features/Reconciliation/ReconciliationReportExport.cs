using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Web.Common;
using Portal.Web.Common.Errors;
using Portal.Web.Features.Documents;
using Portal.Web.Features.Kpis;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// The reconciliation report as PDF (the documents pipeline), CSV and Excel, in the reader's language. Text cells
/// are formula-escaped as in the KPI export: a bank counterparty written "=HYPERLINK(...)" opens as text.
/// </summary>
public static class ReconciliationReportExport
{
    public static void MapReconciliationReportExport(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/finance").AddEndpointFilter<ProblemMappingFilter>().ExcludeFromDescription();
        reports.MapGet("/reports.pdf", async (string? from, string? to, HttpContext http, ScopedSender sender, CancellationToken ct) =>
        {
            var report = await Report(http, sender, from, to, ct);
            var title = $"{DocumentEndpoints.Text(http, "Reconciliation report")} {report.From:yyyy-MM-dd} {report.To:yyyy-MM-dd}";
            return await DocumentEndpoints.Pdf(http, await DocumentEndpoints.Render<ReconciliationReportDocument>(http, title, new()
            {
                [nameof(ReconciliationReportDocument.Report)] = report,
            }), ct);
        });
        reports.MapGet("/reports.csv", async (string? from, string? to, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            KpiExport.CsvFile(Table(http, await Report(http, sender, from, to, ct)), "reconciliation.csv"));
        reports.MapGet("/reports.xlsx", async (string? from, string? to, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            await KpiExport.XlsxFile(Table(http, await Report(http, sender, from, to, ct)), "reconciliation.xlsx", ct));
    }

    /// <summary>One flat table: a line per day and tier, the period's totals per tier, then every open item.</summary>
    internal static List<object?[]> Table(HttpContext http, GetReconciliationReport.Report report)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var table = new List<object?[]>
        {
            new object?[]
            {
                l["Section"], l["Date"], l["Status"], l["Tier"], l["Expected"], l["Actual"], l["Matched"], l["Unmatched"], l["Variance"], l["Item"], l["Counterparty"], l["Age (days)"],
            }.Select(h => (object?)h?.ToString()).ToArray(),
        };
        foreach (var day in report.Days)
        {
            foreach (var tier in day.Tiers)
            {
                table.Add([(string)l["Day"], Date(day.Date), (string)l[day.Status.ToString()], tier.Number, tier.Expected, tier.Actual, tier.Matched, tier.Unmatched, tier.Variance, null, null, null]);
            }
        }

        foreach (var tier in report.Totals)
        {
            table.Add([(string)l["Period"], $"{Date(report.From)}..{Date(report.To)}", null, tier.Number, tier.Expected, tier.Actual, tier.Matched, tier.Unmatched, tier.Variance, null, null, null]);
        }

        foreach (var item in report.Open)
        {
            table.Add([(string)l["Open item"], Date(item.Date), (string)l[item.Kind], item.Tier, null, null, null, item.Amount, null, item.Key, item.Counterparty, item.AgeDays]);
        }

        return table;
    }

    private static async Task<GetReconciliationReport.Report> Report(HttpContext http, ScopedSender sender, string? from, string? to, CancellationToken ct) =>
        await sender.Send(new GetReconciliationReport.Query(KpiExport.Date(from, "from"), KpiExport.Date(to, "to")), http.User, ct);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
