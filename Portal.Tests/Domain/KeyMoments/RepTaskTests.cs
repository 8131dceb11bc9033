using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.KeyMoments;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.KeyMoments;

public sealed class RepTaskTests
{
    private static RepTask NewTask() => RepTask.Open(
        new KeyMoment("DATA-80", Phone, "DATA-80:2025-06", "24.0/30 GB @ 06-12", 2), ["UPGRADE-5G-50"], 7, "张丽华", CustomerTier.Standard, Now);

    [Fact]
    public void Claiming_an_open_task_makes_it_the_reps()
    {
        var task = NewTask();

        task.Claim(Rep, Now);

        Assert.Equal((RepTaskStatus.Claimed, Rep), (task.Status, task.ClaimedBy));
    }

    [Fact]
    public void A_second_rep_is_told_who_has_the_task()
    {
        var task = NewTask();
        task.Claim(Rep, Now);

        var ex = Assert.Throws<DomainException>(() => task.Claim("rep.wang", Now));

        Assert.Equal(("task.already_claimed", $"Already taken by {Rep}"), (ex.Code, ex.Message));
    }

    [Fact]
    public void Only_the_claimant_records_an_outcome()
    {
        var task = NewTask();
        Assert.Throws<DomainException>(() => task.RecordOutcome(Rep, OfferOutcomeKind.Interested, null, null, Now));
        task.Claim(Rep, Now);

        var ex = Assert.Throws<DomainException>(() => task.RecordOutcome("rep.wang", OfferOutcomeKind.Interested, null, null, Now));

        Assert.Equal("task.not_claimant", ex.Code);
    }

    [Fact]
    public void Declining_needs_a_reason_and_closes_the_task_raising_the_shared_outcome()
    {
        var task = NewTask();
        task.Claim(Rep, Now);
        Assert.Equal("task.reason_required", Assert.Throws<DomainException>(() => task.RecordOutcome(Rep, OfferOutcomeKind.Declined, " ", null, Now)).Code);

        task.RecordOutcome(Rep, OfferOutcomeKind.Declined, "Happy with current plan", null, Now);

        Assert.Equal((RepTaskStatus.Closed, OfferOutcomeKind.Declined), (task.Status, task.Outcome));
        var recorded = Assert.Single(task.DomainEvents.OfType<RepTaskOutcomeRecorded>());
        Assert.Equal(["UPGRADE-5G-50"], recorded.OfferCodes);
    }

    [Fact]
    public void Interested_keeps_the_task_with_its_rep_until_the_order_closes_it()
    {
        var task = NewTask();
        task.Claim(Rep, Now);

        task.RecordOutcome(Rep, OfferOutcomeKind.Interested, null, null, Now);
        Assert.Equal(RepTaskStatus.Claimed, task.Status);
        task.RecordOutcome(Rep, OfferOutcomeKind.Ordered, null, "SO2506010001", Now);

        Assert.Equal((RepTaskStatus.Closed, "SO2506010001"), (task.Status, task.OrderNumber));
        Assert.Throws<DomainException>(() => task.Claim("rep.wang", Now));
    }

    [Fact]
    public void Queue_ranks_vip_before_four_star_before_the_rest()
    {
        Assert.True(RepTask.TierRank(CustomerTier.Vip) < RepTask.TierRank(CustomerTier.FourStarPlus));
        Assert.True(RepTask.TierRank(CustomerTier.FourStarPlus) < RepTask.TierRank(CustomerTier.Standard));
    }
}
