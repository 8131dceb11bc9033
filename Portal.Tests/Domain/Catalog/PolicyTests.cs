using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Catalog;

public class PolicyTests
{
    private static Policy Policy(
        PolicyEligibility? eligibility = null, DateTime? validFrom = null, DateTime? validTo = null) =>
        Portal.Domain.Catalog.Policy.Create(
            "upgrade-96",
            "升档 96 送 20G",
            "您好，您目前的套餐…",
            eligibility ?? PolicyEligibility.Anyone,
            PolicyEffect.Discount(Money.Yuan(20)),
            validFrom,
            validTo);

    [Fact]
    public void Codes_are_stored_in_upper_case() => Assert.Equal("UPGRADE-96", Policy().Code);

    [Fact]
    public void Anyone_is_eligible_for_an_unrestricted_active_policy() =>
        Assert.Equal(EligibilityResult.Eligible, Policy().CheckEligibility(Profile(), Now));

    [Fact]
    public void Explains_a_plan_fee_outside_the_range()
    {
        var policy = Policy(PolicyEligibility.Create(Money.Yuan(96), Money.Yuan(96)));

        var result = policy.CheckEligibility(Profile(58), Now);

        Assert.False(result.IsEligible);
        Assert.Equal("Only for customers on a plan of ¥96.00–¥96.00 a month; this customer pays ¥58.00", result.Reason);
    }

    [Fact]
    public void Explains_a_missing_plan_when_a_minimum_fee_is_required() =>
        Assert.Equal(
            "Only for customers on a plan of at least ¥58.00 a month; this customer has no plan",
            Policy(PolicyEligibility.Create(minPlanFee: Money.Yuan(58))).CheckEligibility(Profile(), Now).Reason);

    [Fact]
    public void A_fee_on_the_boundary_qualifies()
    {
        var policy = Policy(PolicyEligibility.Create(Money.Yuan(58), Money.Yuan(96)));
        Assert.True(policy.CheckEligibility(Profile(58), Now).IsEligible);
        Assert.True(policy.CheckEligibility(Profile(96), Now).IsEligible);
        Assert.False(policy.CheckEligibility(Profile(96.01m), Now).IsEligible);
    }

    [Fact]
    public void Restricts_to_the_allowed_tiers()
    {
        var policy = Policy(PolicyEligibility.Create(allowedTiers: [CustomerTier.Vip]));

        Assert.Equal("Only for VIP customers", policy.CheckEligibility(Profile(58, CustomerTier.FourStarPlus), Now).Reason);
        Assert.True(policy.CheckEligibility(Profile(58, CustomerTier.Vip), Now).IsEligible);
    }

    [Fact]
    public void Requires_every_tag()
    {
        var policy = Policy(PolicyEligibility.Create(requiredTags: ["Contract-Ending", "broadband"]));

        Assert.Equal("Customer lacks tag 'contract-ending'", policy.CheckEligibility(Profile(58, tags: "broadband"), Now).Reason);
        Assert.Equal("Customer lacks tags 'contract-ending', 'broadband'", policy.CheckEligibility(Profile(58), Now).Reason);
        Assert.True(policy.CheckEligibility(Profile(58, tags: ["contract-ending", "broadband"]), Now).IsEligible);
    }

    [Fact]
    public void Refuses_outside_its_validity_period()
    {
        var policy = Policy(validFrom: Now.AddDays(-30), validTo: Now);

        Assert.Equal("Policy has expired", policy.CheckEligibility(Profile(), Now).Reason);
        Assert.True(policy.CheckEligibility(Profile(), Now.AddTicks(-1)).IsEligible);
        Assert.StartsWith("Policy starts on", policy.CheckEligibility(Profile(), Now.AddDays(-31)).Reason);
    }

    [Fact]
    public void An_inactive_policy_is_refused_first()
    {
        var policy = Policy(PolicyEligibility.Create(allowedTiers: [CustomerTier.Vip]));
        policy.Deactivate();

        Assert.Equal("Policy is inactive", policy.CheckEligibility(Profile(), Now).Reason);
        Throws(policy.Deactivate, "policy.already_inactive");
    }

    [Fact]
    public void Refuses_an_inverted_fee_range_or_validity_period()
    {
        Throws(() => PolicyEligibility.Create(Money.Yuan(96), Money.Yuan(58)), "policy.invalid");
        Throws(() => Policy(validFrom: Now, validTo: Now), "policy.invalid");
    }

    [Fact]
    public void Effects_must_be_positive()
    {
        Throws(() => PolicyEffect.Discount(Money.Zero), "policy.invalid");
        Throws(() => PolicyEffect.Prestore(Money.Yuan(168), Money.Zero), "policy.invalid");
    }
}
