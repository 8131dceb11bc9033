using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Opportunities;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;

namespace Portal.Tests.Features.Opportunities;

public sealed class CloseOpportunityAsLostTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_claimant_closes_an_opportunity_as_lost_with_the_reason_on_the_timeline()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), backOffice);

        await Host.Send(new CloseOpportunityAsLost.Command(number, "Bought a handset elsewhere"), backOffice);

        var opportunity = await Load(Host, number);
        Assert.Equal((OpportunityStatus.Lost, "Bought a handset elsewhere"), (opportunity.Status, opportunity.LostReason));
        var step = opportunity.Timeline.Last();
        Assert.Equal((await Host.UserIdOf(BackOffice), OpportunityStatus.Claimed, OpportunityStatus.Lost, "Bought a handset elsewhere"), (step.Actor, step.FromStatus, step.ToStatus, step.Reason));
    }

    [Fact]
    public async Task An_unclaimed_duplicate_can_be_closed_by_any_back_office_user()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);

        await Host.Send(new CloseOpportunityAsLost.Command(number, "Duplicate registration"), backOffice);

        Assert.Equal(OpportunityStatus.Lost, (await Load(Host, number)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Closing_without_a_reason_is_refused_and_writes_nothing(string? reason)
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), backOffice);
        var before = await Load(Host, number);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new CloseOpportunityAsLost.Command(number, reason), backOffice));

        Assert.Equal("Reason is required.", Assert.Single(ex.Errors["Reason"]));
        var after = await Load(Host, number);
        Assert.Equal((OpportunityStatus.Claimed, (string?)null), (after.Status, after.LostReason));
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
    }

    [Fact]
    public async Task A_reason_over_500_characters_is_refused()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Host.Send(new CloseOpportunityAsLost.Command(number, new string('x', 501)), backOffice));

        Assert.Equal("Reason must be at most 500 characters.", Assert.Single(ex.Errors["Reason"]));
        Assert.Equal(OpportunityStatus.New, (await Load(Host, number)).Status);
    }

    [Fact]
    public async Task Only_the_claimant_can_close_a_claimed_opportunity()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var (colleagueEmail, colleague) = await NewBackOfficeUser(Host);
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), colleague);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Host.Send(new CloseOpportunityAsLost.Command(number, "Not interested"), backOffice));

        Assert.Equal($"Only {colleagueEmail}, who claimed this opportunity, can close it", ex.Message);
        Assert.Equal(OpportunityStatus.Claimed, (await Load(Host, number)).Status);
    }

    [Fact]
    public async Task A_rep_cannot_close_an_opportunity()
    {
        var rep = await Host.PrincipalFor(Rep);
        var number = await Register(Host);

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new CloseOpportunityAsLost.Command(number, "Not interested"), rep));

        Assert.Equal(OpportunityStatus.New, (await Load(Host, number)).Status);
    }

    [Fact]
    public async Task A_lost_opportunity_is_final()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), backOffice);
        await Host.Send(new CloseOpportunityAsLost.Command(number, "Not interested"), backOffice);

        await AssertFinal(number, backOffice);
        Assert.Equal("Not interested", (await Load(Host, number)).LostReason);
    }

    [Fact]
    public async Task A_converted_opportunity_is_final()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), backOffice);
        var backOfficeId = await Host.UserIdOf(BackOffice);
        await Change(Host, number, o => o.ConvertTo("SO202611230002", backOfficeId, DateTime.UtcNow));

        await AssertFinal(number, backOffice);
        Assert.Equal(OpportunityStatus.Converted, (await Load(Host, number)).Status);
    }

    private async Task AssertFinal(string number, System.Security.Claims.ClaimsPrincipal backOffice)
    {
        var timeline = (await Load(Host, number)).Timeline.Count;

        var claim = await Assert.ThrowsAsync<DomainException>(() => Host.Send(new ClaimOpportunity.Command(number), backOffice));
        var log = await Assert.ThrowsAsync<DomainException>(() =>
            Host.Send(new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.Reached, null), backOffice));
        var close = await Assert.ThrowsAsync<DomainException>(() => Host.Send(new CloseOpportunityAsLost.Command(number, "Again"), backOffice));

        Assert.All(new[] { claim, log, close }, ex => Assert.Equal("opportunity.invalid_transition", ex.Code));
        var after = await Load(Host, number);
        Assert.Equal(timeline, after.Timeline.Count);
        Assert.Empty(after.ContactAttempts);
    }
}
