using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.KeyMoments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Api;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Customers;
using Portal.Web.Features.KeyMoments;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.KeyMoments;

public sealed class RepTaskFlowTests
{
    private const string Rep = "rep@portal.local";

    [Theory]
    [Trait("Engine", "Named")]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_reps_claiming_the_same_task_at_once_one_gets_it_and_the_other_is_told_who(DatabaseProvider engine)
    {
        var (host, _) = await KeyMomentHost.StartAsync(engine);
        await using var _host = host;
        var (firstEmail, first) = await NewRep(host);
        var (secondEmail, second) = await NewRep(host);
        for (var round = 0; round < 5; round++)
        {
            var taskId = await NewTask(host, $"ROUND-{round}");
            var start = new TaskCompletionSource();
            var a = Task.Run(async () => { await start.Task; return await TryClaim(host, taskId, first); });
            var b = Task.Run(async () => { await start.Task; return await TryClaim(host, taskId, second); });
            start.SetResult();
            var outcomes = await Task.WhenAll(a, b);

            var winner = outcomes[0] is null ? firstEmail : secondEmail;
            var loser = Assert.IsType<DomainException>(Assert.Single(outcomes, o => o is not null));
            Assert.Equal($"Already taken by {winner}", loser.Message);
            Assert.Equal(await host.UserIdOf(winner), await host.WithDb(db => db.RepTasks.Where(t => t.Id == taskId).Select(t => t.ClaimedBy).SingleAsync()));
        }
    }

    [Fact]
    public async Task The_queue_puts_vip_first_then_four_star_then_by_priority()
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;

        var queue = await host.Send(new ListRepTasks.Query(), await host.PrincipalFor(Rep));

        Assert.Equal(["刘志伟", "陈国强", "张丽华", "王小明"], queue.Select(t => t.CustomerName));
    }

    [Fact]
    public async Task A_declined_offer_leaves_the_queue_and_the_order_page_for_the_quiet_period_and_comes_back_after()
    {
        var (host, time) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        var rep = await host.PrincipalFor(Rep);
        var (_, colleague) = await NewRep(host);
        var task = (await host.Send(new ListRepTasks.Query(), rep)).Single(t => t.RuleCode == "CONTRACT-60");
        Assert.Contains(await Offers(host, rep, "18688889999"), o => o.Code == "RENEW-CONTRACT-100");

        await host.Send(new ClaimRepTask.Command(task.Id), rep);
        await host.Send(new RecordTaskOutcome.Command(task.Id, OfferOutcomeKind.Declined, "Renewing with another operator"), rep);
        var raisedAgain = await NewTask(host, "AGAIN", "18688889999", ["RENEW-CONTRACT-100"]);

        Assert.DoesNotContain(await host.Send(new ListRepTasks.Query(), colleague), t => t.Id == raisedAgain);
        Assert.DoesNotContain(await Offers(host, colleague, "18688889999"), o => o.Code == "RENEW-CONTRACT-100");

        time.Advance(TimeSpan.FromDays(30));

        Assert.Contains(await host.Send(new ListRepTasks.Query(), colleague), t => t.Id == raisedAgain);
        Assert.Contains(await Offers(host, colleague, "18688889999"), o => o.Code == "RENEW-CONTRACT-100");
    }

    [Fact]
    public async Task Placing_an_order_for_the_customer_closes_the_reps_task_as_ordered()
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        var rep = await host.PrincipalFor(Rep);
        var task = (await host.Send(new ListRepTasks.Query(), rep)).First();
        await host.Send(new ClaimRepTask.Command(task.Id), rep);

        var order = await host.Send(
            new PlaceOrder.Command("Direct", new PlaceOrder.CustomerInput("刘志伟", "18688889999"), [new PlaceOrder.LineInput("PLAN-5G-128", 1)], "BillToAccount"), rep);

        var closed = await host.Send(new GetRepTask.Query(task.Id), rep);
        Assert.Equal((RepTaskStatus.Closed, OfferOutcomeKind.Ordered, order.Number), (closed.Status, closed.Outcome, closed.OrderNumber));
        Assert.DoesNotContain(await host.Send(new ListRepTasks.Query(), rep), t => t.Id == task.Id);
    }

    [Fact]
    public async Task The_task_shows_the_time_axis_and_the_plan_the_customer_should_move_to()
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;

        var axis = await host.Send(new GetCustomerTimeAxis.Query("18688889999"), await host.PrincipalFor(Rep));

        Assert.Equal(4, axis.Usage.Count);
        Assert.NotNull(axis.PlanSuggestion);
        Assert.Equal(("PLAN-5G-96", "PLAN-5G-128"), (axis.PlanSuggestion.FromPlan, axis.PlanSuggestion.ToPlan));
        Assert.Equal("Used 90.0 GB of 80 GB in 3 of the last 4 months", axis.PlanSuggestion.Reasoning);
        var card = await host.Send(new FindCustomer.Query("18688889999"), await host.PrincipalFor(Rep));
        Assert.Equal(axis.PlanSuggestion, card!.PlanSuggestion);
    }

    [Fact]
    public async Task Other_channels_ask_for_the_outcomes_before_they_call()
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        var rep = await host.PrincipalFor(Rep);
        var task = (await host.Send(new ListRepTasks.Query(), rep)).Single(t => t.RuleCode == "HANDSET-30");
        await host.Send(new ClaimRepTask.Command(task.Id), rep);
        await host.Send(new RecordTaskOutcome.Command(task.Id, OfferOutcomeKind.DoNotContact, null), rep);
        using var crm = host.CreateApiClient(DemoAccounts.CrmKey);

        var body = await crm.GetFromJsonAsync<JsonElement>("/api/v1/customers/13800138000/outcomes");

        Assert.Equal(2, body.GetProperty("outcomes").GetArrayLength());
        var suppressed = body.GetProperty("suppressed").EnumerateArray().Select(s => s.GetProperty("offerCode").GetString()).Order().ToList();
        Assert.Equal(["RENEW-CONTRACT-100", "VIP-HANDSET-300"], suppressed);
        await ApiErrorTests.AssertProblem(await crm.GetAsync("/api/v1/customers/12345/outcomes"), HttpStatusCode.BadRequest);
        using var intake = host.CreateApiClient(DemoAccounts.IntakeKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync("/api/v1/customers/13800138000/outcomes")).StatusCode);
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_only_the_claimant_records_an_outcome()
    {
        var (host, _) = await KeyMomentHost.StartAsync();
        await using var _host = host;
        var rep = await host.PrincipalFor(Rep);
        var (_, colleague) = await NewRep(host);
        var task = (await host.Send(new ListRepTasks.Query(), rep)).First();
        await host.Send(new ClaimRepTask.Command(task.Id), rep);

        await Assert.ThrowsAsync<Portal.Web.Common.Behaviours.RequestValidationException>(
            () => host.Send(new RecordTaskOutcome.Command(task.Id, OfferOutcomeKind.Declined, " "), rep));
        var ex = await Assert.ThrowsAsync<DomainException>(() => host.Send(new RecordTaskOutcome.Command(task.Id, OfferOutcomeKind.Interested, null), colleague));

        Assert.Equal("task.not_claimant", ex.Code);
        Assert.Equal(0, await host.WithDb(db => db.OfferOutcomes.CountAsync()));
    }

    private static async Task<IReadOnlyList<FindCustomer.Offer>> Offers(PortalHost host, ClaimsPrincipal rep, string phone) =>
        (await host.Send(new FindCustomer.Query(phone), rep))!.Offers;

    private static async Task<Exception?> TryClaim(PortalHost host, long taskId, ClaimsPrincipal rep)
    {
        try
        {
            await host.Send(new ClaimRepTask.Command(taskId), rep);
            return null;
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }

    private static Task<long> NewTask(PortalHost host, string occasion, string phone = "13760001111", string[]? offers = null) => host.WithDb(async db =>
    {
        var customer = await db.Customers.SingleAsync(c => c.Phone == Portal.Domain.Shared.Msisdn.Parse(phone));
        var task = RepTask.Open(
            new KeyMoment("DATA-80", customer.Phone, $"DATA-80:{occasion}", "test", 2), offers ?? ["UPGRADE-5G-50"], customer.Id, customer.Name, customer.Tier, KeyMomentHost.FileDay.UtcDateTime);
        db.RepTasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    });

    private static async Task<(string Email, ClaimsPrincipal Principal)> NewRep(PortalHost host)
    {
        var email = $"rep-{Guid.NewGuid():N}@portal.local";
        await host.WithUsers(async users =>
        {
            var user = new PortalUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Rep);
        });
        return (email, await host.PrincipalFor(email));
    }
}
