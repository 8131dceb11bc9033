using Portal.Domain.Marketing;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Opportunities;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;

namespace Portal.Tests.Features.Opportunities;

public sealed class GetOpportunityTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_back_office_sees_everything_including_the_full_phone_number()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), backOffice);
        await Host.Send(new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.NoAnswer, "Voicemail"), backOffice);
        var stored = await Load(Host, number);

        var detail = await Host.Send(new GetOpportunity.Query(number.ToLowerInvariant()), backOffice);

        Assert.Equal(stored.Phone.Value, detail.Phone);
        Assert.Equal((stored.CustomerId, stored.CustomerName, "Wants to decide at the weekend"), (detail.CustomerId, detail.CustomerName, detail.Note));
        Assert.Equal((OpportunityStatus.Claimed, await Host.UserIdOf(BackOffice), "后台 李娜", true), (detail.Status, detail.ClaimedBy, detail.ClaimedByName, detail.ClaimedByYou));
        var line = Assert.Single(detail.Lines);
        var interested = Assert.Single(stored.InterestedLines);
        Assert.Equal((interested.Sku, interested.Name, 2, interested.UnitPrice), (line.Sku, line.Name, line.Quantity, line.UnitPrice));
        Assert.Equal(interested.UnitPrice * 2, line.Total);
        var contact = Assert.Single(detail.Contacts);
        Assert.Equal(("后台 李娜", ContactOutcome.NoAnswer, "Voicemail"), (contact.By, contact.Outcome, contact.Note));
        Assert.Equal([OpportunityStatus.New, OpportunityStatus.Claimed], detail.Timeline.Select(s => s.To));
        Assert.Equal(DateTimeKind.Utc, detail.PreferredAtUtc.Kind);
    }

    [Fact]
    public async Task A_colleague_sees_it_is_not_claimed_by_them()
    {
        var (_, colleague) = await NewBackOfficeUser(Host);
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), await Host.PrincipalFor(BackOffice));

        var detail = await Host.Send(new GetOpportunity.Query(number), colleague);

        Assert.Equal(await Host.UserIdOf(BackOffice), detail.ClaimedBy);
        Assert.False(detail.ClaimedByYou);
    }

    [Fact]
    public async Task A_rep_sees_an_opportunity_they_registered_with_the_phone_masked()
    {
        var rep = await Host.PrincipalFor(Rep);
        var number = await Register(Host, registeredBy: Rep);
        var stored = await Load(Host, number);

        var detail = await Host.Send(new GetOpportunity.Query(number), rep);

        Assert.Equal(stored.Phone.Masked, detail.Phone);
    }

    [Fact]
    public async Task A_rep_cannot_see_an_opportunity_another_rep_registered()
    {
        var rep = await Host.PrincipalFor(Rep);
        var number = await Register(Host, registeredBy: "another.rep@portal.local");

        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new GetOpportunity.Query(number), rep));
    }

    [Fact]
    public async Task Other_roles_cannot_see_opportunities()
    {
        var courier = await Host.PrincipalFor("courier@portal.local");
        var number = await Register(Host);

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new GetOpportunity.Query(number), courier));
    }

    [Fact]
    public async Task An_unknown_number_is_not_found()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);

        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new GetOpportunity.Query("OP999999999999"), backOffice));
    }
}
