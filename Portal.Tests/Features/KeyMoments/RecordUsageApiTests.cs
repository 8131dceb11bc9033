using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.KeyMoments;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Api;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.KeyMoments;

namespace Portal.Tests.Features.KeyMoments;

public sealed class RecordUsageApiTests
{
    private const string Usage = "/api/v1/customers/usage";

    [Fact]
    public async Task The_demo_usage_file_raises_each_rules_tasks_for_exactly_the_customers_it_must_catch_and_reloading_changes_nothing()
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        await KeyMomentHost.ClearAsync(host);
        using var crm = host.CreateApiClient(DemoAccounts.CrmKey);

        var first = await crm.PostAsJsonAsync(Usage, DemoKeyMoments.UsageRows());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new RecordUsage.Result(20, 0, 0, 4), await first.Content.ReadFromJsonAsync<RecordUsage.Result>());
        var tasks = await host.WithDb(db => db.RepTasks.Select(t => new { t.RuleCode, Phone = t.Phone.Value }).ToListAsync());
        // Must catch: 90 % of data on the 12th; a contract ending in 49 days; a handset 34 months old; a bill at 203 % of the plan.
        // Must not catch: 66 % of data (13760001111), a contract 90 or 108 days away (13922334455, 19876543210), a handset 27 months
        // old (19876543210), a bill at 138 % (17702020303), 80 % of data exactly at 70 % (13631234567), and a number that is not a customer.
        Assert.Equal(["15018765432"], Caught("DATA-80"));
        Assert.Equal(["18688889999"], Caught("CONTRACT-60"));
        Assert.Equal(["13800138000"], Caught("HANDSET-30"));
        Assert.Equal(["13631234567"], Caught("BILL-150"));

        var again = await crm.PostAsJsonAsync(Usage, DemoKeyMoments.UsageRows());

        Assert.Equal(new RecordUsage.Result(0, 0, 20, 0), await again.Content.ReadFromJsonAsync<RecordUsage.Result>());
        Assert.Equal(4, await host.WithDb(db => db.RepTasks.CountAsync()));
        Assert.Equal(20, await host.WithDb(db => db.UsageFacts.CountAsync()));

        List<string> Caught(string rule) => tasks.Where(t => t.RuleCode == rule).Select(t => t.Phone).Order().ToList();
    }

    [Fact]
    public async Task A_revised_month_is_applied_and_a_new_moment_raises_its_task_once()
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        using var crm = host.CreateApiClient(DemoAccounts.CrmKey);
        object[] revision = [new { phone = "13760001111", period = "2026-11", planCode = "PLAN-5G-88", dataUsedMb = 55000, dataQuotaMb = 61440, voiceMinutes = 200, bill = 88 }];

        var response = await crm.PostAsJsonAsync(Usage, revision);
        var repeat = await crm.PostAsJsonAsync(Usage, revision);

        Assert.Equal(new RecordUsage.Result(0, 1, 0, 1), await response.Content.ReadFromJsonAsync<RecordUsage.Result>());
        Assert.Equal(new RecordUsage.Result(0, 0, 1, 0), await repeat.Content.ReadFromJsonAsync<RecordUsage.Result>());
        Assert.Equal(1, await host.WithDb(db => db.RepTasks.CountAsync(t => t.RuleCode == "DATA-80" && t.CustomerName == "黄美玲")));
    }

    [Theory]
    [InlineData("""[{"phone":"12345","period":"2026-11","planCode":"P","dataUsedMb":1,"dataQuotaMb":1,"voiceMinutes":1,"bill":1}]""", "phone")]
    [InlineData("""[{"phone":"13760001111","period":"2026-13","planCode":"P","dataUsedMb":1,"dataQuotaMb":1,"voiceMinutes":1,"bill":1}]""", "period")]
    [InlineData("""[{"phone":"13760001111","period":"2026-11","planCode":"P","dataUsedMb":-1,"dataQuotaMb":1,"voiceMinutes":1,"bill":1}]""", "dataUsedMb")]
    [InlineData("""[{"phone":"13760001111","period":"2026-11","planCode":"P","dataUsedMb":1,"dataQuotaMb":1,"voiceMinutes":1}]""", "bill")]
    [InlineData("""[{"phone":"13760001111","period":"2026-11","planCode":"P","dataUsedMb":"lots","dataQuotaMb":1,"voiceMinutes":1,"bill":1}]""", "dataUsedMb")]
    [InlineData("""[]""", "rows")]
    [InlineData("""{"phone":"13760001111"}""", "body")]
    public async Task Bad_input_is_a_problem_naming_the_field_and_nothing_of_the_batch_is_written(string json, string field)
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        using var crm = host.CreateApiClient(DemoAccounts.CrmKey);
        var good = """{"phone":"13922334455","period":"2026-12","planCode":"PLAN-5G-198","dataUsedMb":1,"dataQuotaMb":204800,"voiceMinutes":1,"bill":198}""";
        var batch = json.StartsWith("[{", StringComparison.Ordinal) ? "[" + good + "," + json[1..] : json;
        var facts = await host.WithDb(db => db.UsageFacts.CountAsync());

        var response = await crm.PostAsync(Usage, new StringContent(batch, Encoding.UTF8, "application/json"));

        var problem = await ApiErrorTests.AssertProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(errors, e => e.Contains(field, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(facts, await host.WithDb(db => db.UsageFacts.CountAsync()));
    }

    [Fact]
    public async Task A_key_without_the_crm_scope_is_forbidden()
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        using var intake = host.CreateApiClient(DemoAccounts.IntakeKey);

        var response = await intake.PostAsJsonAsync(Usage, DemoKeyMoments.UsageRows());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await host.WithDb(db => db.UsageFacts.CountAsync(f => f.ReceivedAtUtc > KeyMomentHost.FileDay.UtcDateTime)));
    }

    [Fact]
    public async Task The_scheduled_run_raises_a_moment_that_only_time_brought()
    {
        var (host, time) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        // 13922334455's contract ends on 10 February: 90 days away now, 60 days away on 12 December.
        Assert.Equal(0, await host.WithDb(db => db.RepTasks.CountAsync(t => t.CustomerName == "李娟")));
        time.Advance(TimeSpan.FromDays(30));

        await host.Send(new EvaluateKeyMoments.Command(), Portal.Web.Common.Security.SystemPrincipal.For("test"));

        Assert.Equal(1, await host.WithDb(db => db.RepTasks.CountAsync(t => t.RuleCode == "CONTRACT-60" && t.CustomerName == "李娟")));
        Assert.Equal(0, await host.Send(new EvaluateKeyMoments.Command(), Portal.Web.Common.Security.SystemPrincipal.For("test")));
        Assert.Equal(RepTaskStatus.Open, await host.WithDb(db => db.RepTasks.Where(t => t.CustomerName == "李娟").Select(t => t.Status).SingleAsync()));
    }
}
