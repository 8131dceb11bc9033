using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.KeyMoments;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.KeyMoments;

public sealed class KeyMomentRuleTests
{
    private static readonly DateOnly Today = new(2025, 6, 12);

    internal static KeyMomentRule Rule(KeyMomentKind kind, int threshold, int? beforeDay = null, params CustomerTier[] tiers) =>
        KeyMomentRule.Create($"R-{kind}".ToUpperInvariant(), kind, new KeyMomentRuleSettings(
            "Name", "名称", "Script", "话术", threshold, beforeDay, 2, ["UPGRADE-5G-50"], tiers));

    internal static UsageFact Fact(
        int usedMb = 1000, int quotaMb = 30720, decimal bill = 58, DateOnly? contractEnds = null, DateOnly? handsetSince = null, DateOnly? asOf = null, DateOnly? period = null) =>
        UsageFact.Record(
            Phone,
            period ?? new DateOnly(2025, 6, 1),
            new UsageFigures("PLAN-58", usedMb, quotaMb, 120, Money.Yuan(bill), contractEnds, "X1", handsetSince),
            asOf ?? Today,
            Now);

    [Fact]
    public void Data_at_80_percent_before_the_20th_is_a_moment_named_by_its_month()
    {
        var rule = Rule(KeyMomentKind.DataRunningOut, 80, 20);

        var moment = rule.Evaluate(Fact(usedMb: 24576, quotaMb: 30720), CustomerTier.Standard, null, Today);

        Assert.NotNull(moment);
        Assert.Equal($"{rule.Code}:2025-06", moment.MomentKey);
        Assert.Equal("24.0/30 GB @ 06-12", moment.Evidence);
    }

    [Fact]
    public void Data_at_80_percent_on_or_after_the_20th_or_below_80_percent_is_no_moment()
    {
        var rule = Rule(KeyMomentKind.DataRunningOut, 80, 20);

        Assert.Null(rule.Evaluate(Fact(usedMb: 30000, asOf: new DateOnly(2025, 6, 20)), CustomerTier.Standard, null, Today));
        Assert.Null(rule.Evaluate(Fact(usedMb: 24000), CustomerTier.Standard, null, Today));
    }

    [Fact]
    public void A_past_month_reported_late_counts_as_taken_at_its_end()
    {
        var fact = Fact(usedMb: 30000, period: new DateOnly(2025, 4, 1), asOf: Today);

        Assert.Equal(new DateOnly(2025, 4, 30), fact.AsOf);
        Assert.Null(Rule(KeyMomentKind.DataRunningOut, 80, 20).Evaluate(fact, CustomerTier.Standard, null, Today));
    }

    [Fact]
    public void Contract_ending_within_60_days_is_a_moment_but_not_after_61_days_or_once_ended()
    {
        var rule = Rule(KeyMomentKind.ContractEnding, 60);

        Assert.NotNull(rule.Evaluate(Fact(contractEnds: Today.AddDays(60)), CustomerTier.Standard, null, Today));
        Assert.Null(rule.Evaluate(Fact(contractEnds: Today.AddDays(61)), CustomerTier.Standard, null, Today));
        Assert.Null(rule.Evaluate(Fact(contractEnds: Today.AddDays(-1)), CustomerTier.Standard, null, Today));
        Assert.Null(rule.Evaluate(Fact(), CustomerTier.Standard, null, Today));
    }

    [Fact]
    public void Handset_older_than_30_months_is_a_moment_but_not_at_exactly_30()
    {
        var rule = Rule(KeyMomentKind.OldHandset, 30);

        Assert.NotNull(rule.Evaluate(Fact(handsetSince: Today.AddMonths(-31)), CustomerTier.Standard, null, Today));
        Assert.Null(rule.Evaluate(Fact(handsetSince: Today.AddMonths(-30)), CustomerTier.Standard, null, Today));
    }

    [Fact]
    public void Bill_above_150_percent_of_the_plan_fee_is_a_moment_but_not_at_exactly_150()
    {
        var rule = Rule(KeyMomentKind.BillShock, 150);

        Assert.NotNull(rule.Evaluate(Fact(bill: 87.01m), CustomerTier.Standard, Money.Yuan(58), Today));
        Assert.Null(rule.Evaluate(Fact(bill: 87m), CustomerTier.Standard, Money.Yuan(58), Today));
        Assert.Null(rule.Evaluate(Fact(bill: 500m), CustomerTier.Standard, null, Today));
    }

    [Fact]
    public void A_rule_for_named_tiers_passes_over_other_customers_and_an_inactive_rule_catches_nobody()
    {
        var rule = Rule(KeyMomentKind.ContractEnding, 60, null, CustomerTier.Vip, CustomerTier.FourStarPlus);
        var fact = Fact(contractEnds: Today.AddDays(10));

        Assert.NotNull(rule.Evaluate(fact, CustomerTier.FourStarPlus, null, Today));
        Assert.Null(rule.Evaluate(fact, CustomerTier.Standard, null, Today));

        rule.SetActive(false);
        Assert.Null(rule.Evaluate(fact, CustomerTier.Vip, null, Today));
    }

    [Theory]
    [InlineData(KeyMomentKind.DataRunningOut, 120)]
    [InlineData(KeyMomentKind.BillShock, 100)]
    [InlineData(KeyMomentKind.ContractEnding, 0)]
    public void Refuses_a_threshold_outside_its_range(KeyMomentKind kind, int threshold)
    {
        var ex = Assert.Throws<DomainException>(() => Rule(kind, threshold, 20));
        Assert.Equal("key_moment.invalid", ex.Code);
    }

    [Fact]
    public void Refuses_a_rule_without_offers()
    {
        var ex = Assert.Throws<DomainException>(() => KeyMomentRule.Create("NO-OFFER", KeyMomentKind.OldHandset, new KeyMomentRuleSettings(
            "Name", "名称", "Script", "话术", 30, null, 1, [], [])));
        Assert.Equal("A rule names at least one offer", ex.Message);
    }

    [Fact]
    public void A_repeated_report_of_the_same_month_changes_nothing_and_a_revision_is_applied()
    {
        var fact = Fact(usedMb: 1000);

        Assert.False(fact.Revise(fact.Figures, Today, Now.AddHours(1)));
        Assert.Equal(Now, fact.ReceivedAtUtc);
        Assert.True(fact.Revise(fact.Figures with { DataUsedMb = 2000 }, Today, Now.AddHours(1)));
        Assert.Equal(2000, fact.DataUsedMb);
    }

    [Fact]
    public void Refuses_negative_figures()
    {
        var ex = Assert.Throws<DomainException>(() => Fact(usedMb: -1));
        Assert.Equal("usage.invalid", ex.Code);
    }
}
