using Portal.Domain.Dispatch;
using static Portal.Tests.Domain.Dispatch.DispatchTestData;

namespace Portal.Tests.Domain.Dispatch;

public class ChannelRulesTests
{
    private static readonly IReadOnlyList<Courier> Couriers = [InHouse(), CommunityManager(), Company()];

    [Fact]
    public void A_handset_goes_to_in_house_staff_for_activation_help()
    {
        var decision = ChannelRules.Decide(ChannelRule.Defaults(), Waiting(Zhujiang, items: [Handset(), Sim()]), Couriers);

        Assert.Equal(DeliveryChannel.InHouse, decision.Channel);
        Assert.Null(decision.CourierId);
    }

    [Fact]
    public void A_sim_only_parcel_inside_a_managed_community_goes_to_its_manager()
    {
        var decision = ChannelRules.Decide(ChannelRule.Defaults(), Waiting(Zhujiang, items: [Sim(), Case()]), Couriers);

        Assert.Equal((DeliveryChannel.CommunityManager, (long?)5), (decision.Channel, decision.CourierId));
    }

    [Fact]
    public void A_sim_only_parcel_outside_any_managed_community_goes_to_the_courier_company()
    {
        var decision = ChannelRules.Decide(ChannelRule.Defaults(), Waiting(Haizhu, items: [Sim()]), Couriers);

        Assert.Equal(DeliveryChannel.CourierCompany, decision.Channel);
    }

    [Fact]
    public void An_inactive_community_manager_does_not_take_deliveries()
    {
        var manager = CommunityManager();
        manager.Deactivate();

        var decision = ChannelRules.Decide(ChannelRule.Defaults(), Waiting(Zhujiang, items: [Sim()]), [manager, Company()]);

        Assert.Equal(DeliveryChannel.CourierCompany, decision.Channel);
    }

    [Fact]
    public void Rules_apply_in_priority_order_and_can_be_switched_off()
    {
        var rules = ChannelRule.Defaults().ToList();
        rules[0].SetActive(false);
        rules.Add(ChannelRule.Create(5, ChannelRuleCondition.SimOnly, DeliveryChannel.InHouse, "SIM cards by our own staff this week"));

        Assert.Equal(DeliveryChannel.InHouse, ChannelRules.Decide(rules, Waiting(Zhujiang, items: [Sim()]), Couriers).Channel);
        Assert.Equal(DeliveryChannel.CourierCompany, ChannelRules.Decide(rules, Waiting(Zhujiang, items: [Handset()]), Couriers).Channel);
    }

    [Fact]
    public void Without_a_fallback_rule_an_unmatched_delivery_is_reported() =>
        Portal.Tests.Domain.DomainTestData.Throws(
            () => ChannelRules.Decide([ChannelRule.Defaults()[0]], Waiting(items: [Sim()]), Couriers), "channel_rule.no_match");

    [Fact]
    public void Only_a_community_manager_rule_can_send_to_the_managed_community() =>
        Portal.Tests.Domain.DomainTestData.Throws(
            () => ChannelRule.Create(1, ChannelRuleCondition.SimOnlyInManagedCommunity, DeliveryChannel.InHouse, "x"), "channel_rule.invalid");
}
