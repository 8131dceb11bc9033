using Portal.Web.Features.KeyMoments;

namespace Portal.Tests.Features.KeyMoments;

public sealed class UsageCsvTests
{
    private const string Header = "phone,period,planCode,dataUsedMb,dataQuotaMb,voiceMinutes,bill,contractEndsOn,handsetModel,handsetSince";

    [Fact]
    public void The_demo_file_reads_without_errors()
    {
        var parsed = UsageCsv.Parse(DemoKeyMoments.UsageFile());

        Assert.Empty(parsed.Errors);
        Assert.Equal(20, parsed.Rows.Count);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_good_rows_are_kept_for_the_preview()
    {
        var parsed = UsageCsv.Parse(string.Join('\n',
            Header,
            "13800138000,2026-11,PLAN-5G-96,100,81920,10,96.00,,,",
            "1380013,2026-11,PLAN-5G-96,100,81920,10,96.00,,,",
            "13922334455,2026-11,PLAN-5G-198,lots,204800,10,198.00,2027-13-01,,",
            "13800138000,2026-11,PLAN-5G-96,100,81920,10,96.00,,,"));

        Assert.Equal([3, 4, 5], parsed.Errors.Select(e => e.Line));
        Assert.Contains("11-digit", parsed.Errors[0].Message);
        Assert.Contains("dataUsedMb 'lots' is not a number.", parsed.Errors[1].Message);
        Assert.Contains("contractEndsOn '2027-13-01' is not a date", parsed.Errors[1].Message);
        Assert.Contains("appears more than once", parsed.Errors[2].Message);
    }

    [Fact]
    public void A_file_without_the_required_columns_is_refused_at_its_header()
    {
        var parsed = UsageCsv.Parse("phone,period\n13800138000,2026-11");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("missing: planCode", error.Message);
        Assert.Empty(parsed.Rows);
    }

    [Fact]
    public void Quoted_cells_may_hold_commas()
    {
        var parsed = UsageCsv.Parse(Header + "\n13800138000,2026-11,PLAN-5G-96,100,81920,10,96.00,,\"Mate 60, Pro\",2025-01-01");

        Assert.Equal("Mate 60, Pro", Assert.Single(parsed.Rows).Row.HandsetModel);
    }
}
