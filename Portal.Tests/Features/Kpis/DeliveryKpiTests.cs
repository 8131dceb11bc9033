using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Features.Kpis;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Kpis;

/// <summary>Four weeks of demo history, with one courier whose name a spreadsheet would run as a formula.</summary>
public sealed class KpiHistoryFixture : IAsyncLifetime
{
    public const string FormulaName = "=HYPERLINK(\"x\")";

    public DateOnly Today { get; private set; }

    public PortalHost Host { get; private set; } = default!;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task InitializeAsync()
    {
        Host = await PortalHost.StartAsync();
        Today = ChinaTime.Today(DateTime.UtcNow);
        await Host.WithDb(async db =>
        {
            db.Couriers.Add(Courier.Create("formula@portal.local", FormulaName, DeliveryChannel.InHouse, 20, GeoPoint.Create(23.13, 113.33), ["TH"]));
            await db.SaveChangesAsync();
            await DemoDeliveryHistory.SeedAsync(db, Today, 28);
            return 0;
        });
    }
}

public sealed class DeliveryKpiTests(KpiHistoryFixture fixture) : IClassFixture<KpiHistoryFixture>
{
    private PortalHost Host => fixture.Host;

    private DateOnly From => fixture.Today.AddDays(-28);

    private DateOnly To => fixture.Today.AddDays(-1);

    [Fact]
    public async Task The_demo_history_stays_in_the_past_so_today_is_left_for_the_demo_day()
    {
        var today = fixture.Today;

        var present = await Host.WithDb(db => db.Deliveries.CountAsync(d => d.OrderNumber.StartsWith("DH") && d.Window.Date >= today));

        Assert.Equal(0, present);
    }

    [Fact]
    public async Task The_history_gives_rates_per_channel_that_add_up_to_the_total()
    {
        var report = await Host.Send(new DeliveryKpis.Query(From, To, KpiDimension.Channel), await Host.PrincipalFor(Dispatcher));

        Assert.Equal(3, report.Rows.Count);
        Assert.Equal(report.Total.Finished, report.Rows.Sum(r => r.Finished));
        Assert.InRange(report.Total.OnTimeRate!.Value, 0.5, 0.99);
        Assert.InRange(report.Total.FirstAttemptRate!.Value, 0.5, 0.99);
        Assert.True(report.Total.Failures[FailureReason.CustomerAbsent] > 0);
        var delivered = await Host.WithDb(db => db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Delivered && d.Window.Date >= From && d.Window.Date <= To));
        Assert.Equal(delivered, report.Total.Delivered);
    }

    [Fact]
    public async Task Grouped_by_day_each_day_of_the_period_has_a_row()
    {
        var report = await Host.Send(new DeliveryKpis.Query(From, To, KpiDimension.Day), await Host.PrincipalFor("admin@portal.local"));

        Assert.Equal(28, report.Rows.Count);
        Assert.All(report.Rows, r => Assert.True(r.AverageHoursToDeliver > 0));
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_or_longer_than_a_quarter_is_refused()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);

        await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new DeliveryKpis.Query(To, From, KpiDimension.Day), dispatcher));
        await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new DeliveryKpis.Query(From.AddDays(-100), To, KpiDimension.Day), dispatcher));
    }

    [Fact]
    public async Task Exports_escape_a_name_that_would_run_as_a_formula()
    {
        var client = Host.CreateClient();
        await PortalHost.SignInAsync(client, Dispatcher);
        var query = $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&by=Courier";

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/dispatch/kpis.csv?{query}"));
        using var xlsx = new MemoryStream(await client.GetByteArrayAsync($"/dispatch/kpis.xlsx?{query}"));
        var sheet = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
        Assert.Contains("陈强", csv);
        Assert.Contains(sheet, row => Equals(row["Courier"], "'" + KpiHistoryFixture.FormulaName));
        Assert.DoesNotContain(sheet, row => Equals(row["Courier"], KpiHistoryFixture.FormulaName));
    }

    [Fact]
    public async Task A_courier_cannot_export_and_a_bad_date_is_refused()
    {
        var courier = Host.CreateClient();
        await PortalHost.SignInAsync(courier, CourierLogin);
        var dispatcher = Host.CreateClient();
        await PortalHost.SignInAsync(dispatcher, Dispatcher);

        Assert.Equal(HttpStatusCode.Forbidden, (await courier.GetAsync($"/dispatch/kpis.csv?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.GetAsync("/dispatch/kpis.csv?from=yesterday&to=2026-01-01")).StatusCode);
    }
}
