using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Opportunities;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;

namespace Portal.Tests.Features.Opportunities;

public sealed class LogContactAttemptTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_claimant_logs_a_contact_attempt_with_its_outcome_and_note()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Claimed(backOffice);

        var result = await Host.Send(new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.CallBackLater, "  Call after 18:00  "), backOffice);

        Assert.False(result.AlreadyLogged);
        var attempt = Assert.Single((await Load(Host, number)).ContactAttempts);
        Assert.Equal((await Host.UserIdOf(BackOffice), ContactOutcome.CallBackLater, "Call after 18:00"), (attempt.By, attempt.Outcome, attempt.Note));
    }

    [Fact]
    public async Task Logging_a_contact_on_an_unclaimed_opportunity_is_refused()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Host.Send(new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.Reached, null), backOffice));

        Assert.Equal("Claim this opportunity before you log a contact (it is New)", ex.Message);
        Assert.Empty((await Load(Host, number)).ContactAttempts);
    }

    [Fact]
    public async Task Only_the_claimant_can_log_a_contact()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var (colleagueEmail, colleague) = await NewBackOfficeUser(Host);
        var number = await Claimed(colleague);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Host.Send(new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.Reached, null), backOffice));

        Assert.Equal($"Only {colleagueEmail}, who claimed this opportunity, can log a contact", ex.Message);
        Assert.Empty((await Load(Host, number)).ContactAttempts);
    }

    [Fact]
    public async Task A_repeated_request_id_is_logged_once()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Claimed(backOffice);
        var requestId = Guid.NewGuid();
        var command = new LogContactAttempt.Command(number, requestId, ContactOutcome.NoAnswer, "Double click");

        var first = await Host.Send(command, backOffice);
        var again = await Host.Send(command, backOffice);

        Assert.False(first.AlreadyLogged);
        Assert.True(again.AlreadyLogged);
        Assert.Single((await Load(Host, number)).ContactAttempts);
    }

    [Fact]
    public async Task Concurrent_first_sends_of_one_request_id_log_it_once()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Claimed(backOffice);
        var command = new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.Reached, null);
        var start = new TaskCompletionSource();

        var sends = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await Host.Send(command, backOffice);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(sends);

        Assert.Single(results, r => !r.AlreadyLogged);
        Assert.Single((await Load(Host, number)).ContactAttempts);
    }

    [Fact]
    public async Task Different_request_ids_are_different_attempts()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Claimed(backOffice);

        await Host.Send(new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.NoAnswer, null), backOffice);
        await Host.Send(new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.Reached, null), backOffice);

        Assert.Equal([ContactOutcome.NoAnswer, ContactOutcome.Reached], (await Load(Host, number)).ContactAttempts.Select(a => a.Outcome));
    }

    [Fact]
    public async Task A_missing_outcome_or_request_id_and_a_long_note_are_refused_and_nothing_is_written()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Claimed(backOffice);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Host.Send(new LogContactAttempt.Command(number, Guid.Empty, null, new string('x', 501)), backOffice));

        Assert.Equal("Outcome is required.", Assert.Single(ex.Errors["Outcome"]));
        Assert.Equal("Request id is required.", Assert.Single(ex.Errors["RequestId"]));
        Assert.Equal("Note must be at most 500 characters.", Assert.Single(ex.Errors["Note"]));
        Assert.Empty((await Load(Host, number)).ContactAttempts);
    }

    [Fact]
    public async Task A_rep_cannot_log_a_contact()
    {
        var rep = await Host.PrincipalFor(Rep);
        var number = await Claimed(await Host.PrincipalFor(BackOffice));

        await Assert.ThrowsAsync<ForbiddenRequestException>(() =>
            Host.Send(new LogContactAttempt.Command(number, Guid.NewGuid(), ContactOutcome.Reached, null), rep));

        Assert.Empty((await Load(Host, number)).ContactAttempts);
    }

    private async Task<string> Claimed(System.Security.Claims.ClaimsPrincipal by)
    {
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), by);
        return number;
    }
}
