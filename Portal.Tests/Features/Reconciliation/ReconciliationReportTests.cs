using System.Net;
using System.Text;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Features.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reconciliation;

/// <summary>The reconciliation report over HTTP: the page, the PDF through the documents pipeline, and the CSV.</summary>
public sealed class ReconciliationReportTests : IAsyncLifetime
{
    private const string Period = "from=2026-01-05&to=2026-01-06";
    private PortalHost _host = default!;

    public async Task InitializeAsync()
    {
        _host = await PortalHost.StartAsync();
        using var api = _host.CreateApiClient(DemoAccounts.FinanceKey);
        await Post(api, "pos-settlements", "SettlementDate,TerminalId,BatchNo,Reference,CardLast4,Amount,Fee,NetAmount\n2026-01-05,T9,B77,R1,1234,100.00,0.60,99.40\n");
        await Post(api, "bank-statements",
            "BookingDate,ValueDate,Amount,Currency,Reference,Counterparty,Narrative,LineId\n" +
            "2026-01-06,2026-01-06,99.40,CNY,B77,Acquirer,POS settlement,L-1\n" +
            "2026-01-06,2026-01-06,1234.56,CNY,X-9,\"=HYPERLINK(\"\"http://evil\"\")\",unknown credit,L-2\n");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_pdf_shows_each_tier_and_the_periods_totals_with_the_open_bank_line()
    {
        using var finance = await SignedIn("finance@portal.local");

        var pdf = await PdfText.Fetch(finance, $"/finance/reports.pdf?{Period}");

        Assert.Contains("Reconciliation report", pdf.All);
        Assert.Contains("Tier 1", pdf.All);
        Assert.Contains("Tier 2", pdf.All);
        Assert.Contains("Tier 3", pdf.All);
        Assert.Contains("¥1333.96", pdf.All); // tier 3 actual: the settlement batch and the unknown credit
        Assert.Contains("¥1234.56", pdf.All); // still open
        Assert.Contains("bank:L-2", pdf.All);

        var page = await finance.GetStringAsync($"/finance/reports?{Period}");
        Assert.Contains("data-testid=\"report-variance\"", page);
        Assert.Contains("data-testid=\"report-ageing\"", page);
        Assert.Equal(3, CountOf(page, "data-testid=\"report-tier\""));
    }

    [Fact]
    public async Task The_csv_escapes_a_counterparty_that_looks_like_a_formula()
    {
        using var finance = await SignedIn("finance@portal.local");

        var csv = Encoding.UTF8.GetString(await finance.GetByteArrayAsync($"/finance/reports.csv?{Period}"));

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
        var tier3 = csv.Split("\r\n").Single(l => l.StartsWith("\"Period\"", StringComparison.Ordinal) && l.Split(',')[3] == "3").Split(',');
        Assert.Equal([99.4m, 1333.96m, 99.4m, 1234.56m, 1234.56m], tier3[4..9].Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Only_finance_gets_the_report_and_a_bad_period_is_refused()
    {
        using var cashier = await SignedIn("cashier@portal.local");
        using var finance = await SignedIn("finance@portal.local");

        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.GetAsync($"/finance/reports.csv?{Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/finance/reports.csv?from=yesterday&to=2026-01-06")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/finance/reports.pdf?from=2026-01-06&to=2026-01-05")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.GetAsync("/finance/reports.xlsx?from=2025-01-01&to=2026-01-05")).StatusCode);
    }

    private async Task<HttpClient> SignedIn(string user)
    {
        var client = _host.CreateClient();
        await PortalHost.SignInAsync(client, user);
        return client;
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    private static async Task Post(HttpClient api, string path, string csv)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "file.csv" } };
        using var response = await api.PostAsync($"/api/v1/finance/{path}", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
