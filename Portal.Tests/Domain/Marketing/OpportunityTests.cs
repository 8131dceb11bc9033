using Portal.Domain.Catalog;
using Portal.Domain.Marketing;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Marketing;

public class OpportunityTests
{
    private const string Agent = "backoffice.chen";

    private static Opportunity Register(DateTime? preferredAtUtc = null) => Opportunity.Register(
        "OP202506010001",
        42,
        "张三",
        Phone,
        [new CartItem(Phone5G(), 1)],
        preferredAtUtc ?? Now.AddDays(1),
        ContactChannel.Callback,
        "想等周末再决定",
        Rep,
        Now);

    private static Opportunity Claimed()
    {
        var opportunity = Register();
        opportunity.Claim(Agent, Now);
        return opportunity;
    }

    [Fact]
    public void Registers_as_new_with_the_quoted_price()
    {
        var opportunity = Register();

        Assert.Equal(OpportunityStatus.New, opportunity.Status);
        Assert.Equal(new InterestedLine("HS-X1-128", "X1 5G", 1, Money.Yuan(2999)), Assert.Single(opportunity.InterestedLines));
        Assert.Single(opportunity.DomainEvents.OfType<OpportunityRegistered>());
    }

    [Fact]
    public void Refuses_a_preferred_time_in_the_past() =>
        Throws(() => Register(Now.AddMinutes(-1)), "opportunity.preferred_time_past");

    [Fact]
    public void Refuses_a_malformed_number() =>
        Throws(() => Opportunity.Register("SO202506010001", 42, "张三", Phone, [], Now, ContactChannel.StoreVisit, null, Rep, Now),
            "opportunity.invalid_number");

    [Fact]
    public void Cannot_be_claimed_twice_by_the_same_user_or_taken_by_another()
    {
        var opportunity = Claimed();

        var same = Throws(() => opportunity.Claim(Agent, Now), "opportunity.already_claimed");
        Assert.Equal("You have already claimed this opportunity", same.Message);
        var other = Throws(() => opportunity.Claim("backoffice.liu", Now), "opportunity.already_claimed");
        Assert.Equal($"Already claimed by {Agent}", other.Message);
        Assert.Equal(Agent, opportunity.ClaimedBy);
    }

    [Fact]
    public void Only_the_claimant_logs_contacts()
    {
        Throws(() => Register().LogContact(Agent, ContactOutcome.NoAnswer, null, Now), "opportunity.not_claimed_by_you");

        var opportunity = Claimed();
        Throws(() => opportunity.LogContact("backoffice.liu", ContactOutcome.Reached, null, Now), "opportunity.not_claimed_by_you");
        opportunity.LogContact(Agent, ContactOutcome.CallBackLater, "周六下午再打", Now.AddHours(1));

        Assert.Equal(new ContactAttempt(Now.AddHours(1), Agent, ContactOutcome.CallBackLater, "周六下午再打"),
            Assert.Single(opportunity.ContactAttempts));
    }

    [Fact]
    public void Converting_records_the_order_and_is_final()
    {
        var opportunity = Claimed();
        opportunity.ConvertTo("SO202506020001", Agent, Now);

        Assert.Equal((OpportunityStatus.Converted, "SO202506020001"), (opportunity.Status, opportunity.ConvertedOrderNumber));
        Throws(() => opportunity.CloseAsLost("Changed mind", Agent, Now), "opportunity.invalid_transition");
        Throws(() => opportunity.LogContact(Agent, ContactOutcome.Reached, null, Now), "opportunity.invalid_transition");
    }

    [Fact]
    public void Cannot_be_converted_without_being_claimed() =>
        Throws(() => Register().ConvertTo("SO202506020001", Agent, Now), "opportunity.not_claimed_by_you");

    [Fact]
    public void Closing_as_lost_needs_a_reason_and_is_final()
    {
        var opportunity = Claimed();
        Throws(() => opportunity.CloseAsLost(" ", Agent, Now), "opportunity.reason_required");

        opportunity.CloseAsLost("Bought elsewhere", Agent, Now);

        Assert.Equal((OpportunityStatus.Lost, "Bought elsewhere"), (opportunity.Status, opportunity.LostReason));
        Throws(() => opportunity.Claim(Agent, Now), "opportunity.invalid_transition");
    }

    [Fact]
    public void A_claimed_opportunity_is_closed_only_by_its_claimant() =>
        Throws(() => Claimed().CloseAsLost("Duplicate", "backoffice.liu", Now), "opportunity.not_claimed_by_you");

    [Fact]
    public void Timeline_records_each_status_change_with_who()
    {
        var opportunity = Claimed();
        opportunity.CloseAsLost("Bought elsewhere", Agent, Now);

        Assert.Equal(
            [(null, OpportunityStatus.New, Rep), (OpportunityStatus.New, OpportunityStatus.Claimed, Agent), (OpportunityStatus.Claimed, OpportunityStatus.Lost, Agent)],
            opportunity.Timeline.Select(e => (e.FromStatus, e.ToStatus, e.Actor)));
    }

    [Fact]
    public void Is_overdue_when_nobody_has_contacted_the_customer_in_time()
    {
        var within = TimeSpan.FromHours(4);
        var opportunity = Claimed();

        Assert.False(opportunity.IsOverdue(Now.AddHours(4), within));
        Assert.True(opportunity.IsOverdue(Now.AddHours(4).AddMinutes(1), within));

        opportunity.LogContact(Agent, ContactOutcome.NoAnswer, null, Now.AddHours(5));
        Assert.False(opportunity.IsOverdue(Now.AddHours(6), within));
    }

    [Fact]
    public void A_closed_opportunity_is_never_overdue()
    {
        var opportunity = Register();
        opportunity.CloseAsLost("Duplicate registration", Rep, Now);

        Assert.False(opportunity.IsOverdue(Now.AddDays(7), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Going_overdue_is_recorded_once_with_its_time_and_holder()
    {
        var within = TimeSpan.FromHours(4);
        var opportunity = Claimed();
        Throws(() => opportunity.FlagOverdue(Now.AddHours(3), within), "opportunity.not_overdue");

        opportunity.FlagOverdue(Now.AddHours(5), within);

        Assert.Equal(Now.AddHours(5), opportunity.OverdueFlaggedAtUtc);
        Assert.Equal(new OpportunityWentOverdue(opportunity.Number, Agent, Now.AddHours(5)), opportunity.DomainEvents.OfType<OpportunityWentOverdue>().Single());
        Throws(() => opportunity.FlagOverdue(Now.AddHours(6), within), "opportunity.already_flagged");
    }

    [Fact]
    public void A_contact_attempt_with_a_request_id_already_logged_is_refused()
    {
        var opportunity = Claimed();
        var requestId = Guid.NewGuid();
        opportunity.LogContact(Agent, ContactOutcome.NoAnswer, null, Now, requestId);

        Assert.True(opportunity.HasLogged(requestId));
        Throws(() => opportunity.LogContact(Agent, ContactOutcome.NoAnswer, null, Now, requestId), "opportunity.contact_already_logged");
        Assert.Single(opportunity.ContactAttempts);
    }
}
