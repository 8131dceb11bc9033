using Portal.Domain.Marketing;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Opportunities;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;
using Queue = Portal.Web.Features.Opportunities.ListOpportunities.Queue;

namespace Portal.Tests.Features.Opportunities;

public sealed class ListOpportunitiesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_new_queue_holds_unclaimed_opportunities_oldest_first()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var younger = await Register(Host, TimeSpan.FromMinutes(10));
        var older = await Register(Host, TimeSpan.FromMinutes(20));
        var claimed = await Register(Host, TimeSpan.FromMinutes(30));
        await Host.Send(new ClaimOpportunity.Command(claimed), backOffice);

        var result = await Host.Send(new ListOpportunities.Query(Queue.New), backOffice);

        var numbers = result.Page.Items.Select(r => r.Number).ToList();
        Assert.True(numbers.IndexOf(older) >= 0 && numbers.IndexOf(older) < numbers.IndexOf(younger), "oldest first");
        Assert.DoesNotContain(claimed, numbers);
        Assert.All(result.Page.Items, r => Assert.Equal(OpportunityStatus.New, r.Status));
    }

    [Fact]
    public async Task Mine_holds_what_I_claimed_and_not_what_a_colleague_claimed()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var (_, colleague) = await NewBackOfficeUser(Host);
        var mine = await Register(Host);
        var theirs = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(mine), backOffice);
        await Host.Send(new ClaimOpportunity.Command(theirs), colleague);

        var result = await Host.Send(new ListOpportunities.Query(Queue.Mine), backOffice);

        var row = Assert.Single(result.Page.Items, r => r.Number == mine);
        Assert.Equal(OpportunityStatus.Claimed, row.Status);
        Assert.Equal("后台 李娜", row.ClaimedBy);
        Assert.DoesNotContain(result.Page.Items, r => r.Number == theirs);
        Assert.Contains((await Host.Send(new ListOpportunities.Query(Queue.AllOpen), backOffice)).Page.Items, r => r.Number == theirs);
    }

    [Fact]
    public async Task Overdue_holds_what_nobody_contacted_within_the_default_four_hours()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var stale = await Register(Host, TimeSpan.FromHours(5));
        var recent = await Register(Host, TimeSpan.FromHours(3));
        var staleButContacted = await Register(Host, TimeSpan.FromHours(5));
        await Host.Send(new ClaimOpportunity.Command(staleButContacted), backOffice);
        await Host.Send(new LogContactAttempt.Command(staleButContacted, Guid.NewGuid(), ContactOutcome.NoAnswer, null), backOffice);

        var overdue = await Host.Send(new ListOpportunities.Query(Queue.Overdue), backOffice);
        var all = await Host.Send(new ListOpportunities.Query(Queue.AllOpen), backOffice);

        Assert.Contains(overdue.Page.Items, r => r.Number == stale && r.IsOverdue);
        Assert.DoesNotContain(overdue.Page.Items, r => r.Number == recent || r.Number == staleButContacted);
        Assert.False(all.Page.Items.Single(r => r.Number == recent).IsOverdue);
        Assert.Equal(1, all.Page.Items.Single(r => r.Number == staleButContacted).ContactAttempts);
    }

    [Fact]
    public async Task Rows_show_a_masked_phone_the_preference_and_the_age()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host, TimeSpan.FromHours(2));
        var opportunity = await Load(Host, number);

        var row = Assert.Single((await Host.Send(new ListOpportunities.Query(Queue.AllOpen, number), backOffice)).Page.Items);

        Assert.Equal(opportunity.Phone.Masked, row.MaskedPhone);
        Assert.DoesNotContain(opportunity.Phone.Value, row.MaskedPhone);
        Assert.Equal(opportunity.CustomerName, row.CustomerName);
        Assert.Equal(ContactChannel.Callback, row.Channel);
        Assert.Equal(opportunity.PreferredAtUtc, row.PreferredAtUtc, TimeSpan.FromSeconds(1));
        Assert.InRange(row.Age, TimeSpan.FromHours(2), TimeSpan.FromHours(2.1));
        Assert.Equal(0, row.ContactAttempts);
        Assert.Null(row.ClaimedBy);
    }

    [Fact]
    public async Task Search_finds_by_number_phone_or_customer_name_and_counts_each_queue()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host, TimeSpan.FromHours(6));
        var opportunity = await Load(Host, number);

        var byNumber = await Host.Send(new ListOpportunities.Query(Queue.AllOpen, number.ToLowerInvariant()), backOffice);
        var byPhone = await Host.Send(new ListOpportunities.Query(Queue.AllOpen, opportunity.Phone.Value[3..]), backOffice);
        var byName = await Host.Send(new ListOpportunities.Query(Queue.AllOpen, opportunity.CustomerName), backOffice);
        var nothing = await Host.Send(new ListOpportunities.Query(Queue.AllOpen, "no such customer"), backOffice);

        Assert.Equal(number, Assert.Single(byNumber.Page.Items).Number);
        Assert.Equal(new ListOpportunities.QueueCounts(New: 1, Mine: 0, Overdue: 1, AllOpen: 1), byNumber.Counts);
        Assert.Contains(byPhone.Page.Items, r => r.Number == number);
        Assert.Contains(byName.Page.Items, r => r.Number == number);
        Assert.Empty(nothing.Page.Items);
        Assert.Equal(new ListOpportunities.QueueCounts(0, 0, 0, 0), nothing.Counts);
    }

    [Fact]
    public async Task Converted_and_lost_opportunities_leave_the_queue()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var lost = await Register(Host);
        var converted = await Register(Host);
        await Host.Send(new CloseOpportunityAsLost.Command(lost, "Duplicate of another appointment"), backOffice);
        await Host.Send(new ClaimOpportunity.Command(converted), backOffice);
        var backOfficeId = await Host.UserIdOf(BackOffice);
        await Change(Host, converted, o => o.ConvertTo("SO202611230001", backOfficeId, DateTime.UtcNow));

        var all = await Host.Send(new ListOpportunities.Query(Queue.AllOpen), backOffice);

        Assert.DoesNotContain(all.Page.Items, r => r.Number == lost || r.Number == converted);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_the_total_counts_every_match()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var name = "分页" + Guid.NewGuid().ToString("N")[..6];
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await Register(Host, TimeSpan.FromMinutes(50 - i), customerName: name));
        }

        var first = await Host.Send(new ListOpportunities.Query(Queue.AllOpen, name, new ListRequest(0, 2)), backOffice);
        var second = await Host.Send(new ListOpportunities.Query(Queue.AllOpen, name, new ListRequest(1, 2)), backOffice);
        var last = await Host.Send(new ListOpportunities.Query(Queue.AllOpen, name, new ListRequest(2, 2)), backOffice);

        Assert.Equal((5, 5), (first.Page.Total, first.Counts.AllOpen));
        Assert.Equal(numbers, first.Page.Items.Concat(second.Page.Items).Concat(last.Page.Items).Select(r => r.Number));
        Assert.Single(last.Page.Items);
    }

    [Fact]
    public async Task Sorting_by_age_ascending_puts_the_youngest_first()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var name = "排序" + Guid.NewGuid().ToString("N")[..6];
        var old = await Register(Host, TimeSpan.FromHours(3), customerName: name);
        var young = await Register(Host, TimeSpan.FromMinutes(5), customerName: name);
        var middle = await Register(Host, TimeSpan.FromHours(1), customerName: name);

        var result = await Host.Send(
            new ListOpportunities.Query(Queue.AllOpen, name, new ListRequest(SortBy: nameof(ListOpportunities.Row.Age))), backOffice);

        Assert.Equal([young, middle, old], result.Page.Items.Select(r => r.Number));
    }

    [Fact]
    public async Task An_unknown_sort_column_keeps_the_oldest_first_order()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var name = "未知" + Guid.NewGuid().ToString("N")[..6];
        var old = await Register(Host, TimeSpan.FromHours(3), customerName: name);
        var young = await Register(Host, TimeSpan.FromMinutes(5), customerName: name);

        var result = await Host.Send(new ListOpportunities.Query(Queue.AllOpen, name, new ListRequest(SortBy: "Phone; DROP TABLE")), backOffice);

        Assert.Equal([old, young], result.Page.Items.Select(r => r.Number));
    }

    [Fact]
    public async Task A_rep_cannot_see_the_back_office_queue()
    {
        var rep = await Host.PrincipalFor(Rep);

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new ListOpportunities.Query(), rep));
    }
}

/// <summary>The overdue threshold is configuration (Opportunities:ContactWithinHours), not a constant.</summary>
public sealed class OverdueThresholdTests(OverdueThresholdTests.OneHourFixture fixture) : IClassFixture<OverdueThresholdTests.OneHourFixture>
{
    [Fact]
    public async Task Overdue_follows_the_configured_contact_time()
    {
        var host = fixture.Host;
        var backOffice = await host.PrincipalFor(BackOffice);
        var twoHoursOld = await Register(host, TimeSpan.FromHours(2));
        var halfAnHourOld = await Register(host, TimeSpan.FromMinutes(30));

        var overdue = await host.Send(new ListOpportunities.Query(Queue.Overdue), backOffice);

        // Under the default of four hours neither would be overdue.
        Assert.Contains(overdue.Page.Items, r => r.Number == twoHoursOld);
        Assert.DoesNotContain(overdue.Page.Items, r => r.Number == halfAnHourOld);
        Assert.True((await host.Send(new GetOpportunity.Query(twoHoursOld), backOffice)).IsOverdue);
    }

    public sealed class OneHourFixture : IAsyncLifetime
    {
        public PortalHost Host { get; private set; } = default!;

        public async Task InitializeAsync() =>
            Host = await PortalHost.StartAsync(configure: b => b.Configuration["Opportunities:ContactWithinHours"] = "1");

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
