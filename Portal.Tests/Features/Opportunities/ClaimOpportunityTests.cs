using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Opportunities;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;

namespace Portal.Tests.Features.Opportunities;

public sealed class ClaimOpportunityTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Claiming_a_new_opportunity_makes_it_mine_and_records_who_and_when()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);

        await Host.Send(new ClaimOpportunity.Command(number), backOffice);

        var opportunity = await Load(Host, number);
        Assert.Equal(OpportunityStatus.Claimed, opportunity.Status);
        Assert.Equal(await Host.UserIdOf(BackOffice), opportunity.ClaimedBy);
        var step = opportunity.Timeline.Single(e => e.ToStatus == OpportunityStatus.Claimed);
        Assert.Equal((await Host.UserIdOf(BackOffice), OpportunityStatus.New), (step.Actor, step.FromStatus));
    }

    [Fact]
    public async Task Claiming_an_opportunity_a_colleague_claimed_is_refused_naming_them()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var (colleagueEmail, colleague) = await NewBackOfficeUser(Host);
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), colleague);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Host.Send(new ClaimOpportunity.Command(number), backOffice));

        Assert.Equal($"Already claimed by {colleagueEmail}", ex.Message);
        Assert.Equal(await Host.UserIdOf(colleagueEmail), (await Load(Host, number)).ClaimedBy);
    }

    [Fact]
    public async Task Two_colleagues_claiming_at_the_same_moment_leaves_exactly_one_claimant()
    {
        var (firstEmail, first) = await NewBackOfficeUser(Host);
        var (secondEmail, second) = await NewBackOfficeUser(Host);
        for (var round = 0; round < 5; round++)
        {
            var number = await Register(Host);
            var start = new TaskCompletionSource();
            var first_ = Task.Run(async () => { await start.Task; return await TryClaim(number, first); });
            var second_ = Task.Run(async () => { await start.Task; return await TryClaim(number, second); });
            start.SetResult();
            var outcomes = await Task.WhenAll(first_, second_);

            var winner = outcomes[0] is null ? firstEmail : secondEmail;
            var loser = Assert.IsType<DomainException>(Assert.Single(outcomes, o => o is not null));
            Assert.Single(outcomes, o => o is null);
            Assert.Equal($"Already claimed by {winner}", loser.Message);
            var opportunity = await Load(Host, number);
            Assert.Equal(await Host.UserIdOf(winner), opportunity.ClaimedBy);
            Assert.Single(opportunity.Timeline, e => e.ToStatus == OpportunityStatus.Claimed);
        }
    }

    [Fact]
    public async Task A_rep_cannot_claim_and_nothing_changes()
    {
        var rep = await Host.PrincipalFor(Rep);
        var number = await Register(Host);

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new ClaimOpportunity.Command(number), rep));

        var opportunity = await Load(Host, number);
        Assert.Equal(OpportunityStatus.New, opportunity.Status);
        Assert.Null(opportunity.ClaimedBy);
    }

    [Fact]
    public async Task Claiming_an_unknown_opportunity_says_it_was_not_found()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);

        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new ClaimOpportunity.Command("OP000000000000"), backOffice));

        Assert.Equal("Opportunity OP000000000000 was not found.", ex.Message);
    }

    [Fact]
    public async Task Claiming_without_a_number_is_refused_with_a_message()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new ClaimOpportunity.Command(" "), backOffice));

        Assert.Equal("Opportunity number is required.", Assert.Single(ex.Errors["Number"]));
    }

    private async Task<Exception?> TryClaim(string number, System.Security.Claims.ClaimsPrincipal who)
    {
        try
        {
            await Host.Send(new ClaimOpportunity.Command(number), who);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
