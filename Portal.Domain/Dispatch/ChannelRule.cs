using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Dispatch;

public enum ChannelRuleCondition
{
    /// <summary>A handset is in the parcel: the customer usually needs help activating it.</summary>
    ContainsHandset,

    /// <summary>Only SIM cards (and accessories), delivered inside a community that a community manager covers.</summary>
    SimOnlyInManagedCommunity,

    /// <summary>Only SIM cards (and accessories), anywhere.</summary>
    SimOnly,

    /// <summary>Every delivery: the fallback at the end of the list.</summary>
    Always,
}

/// <summary>One line of the dispatch policy: deliveries matching the condition go to the channel. First match wins.</summary>
public sealed class ChannelRule : Entity
{
    private ChannelRule()
    {
        Description = null!;
    }

    public int Priority { get; private set; }

    public ChannelRuleCondition Condition { get; private set; }

    public DeliveryChannel Channel { get; private set; }

    public string Description { get; private set; }

    public bool IsActive { get; private set; }

    public static ChannelRule Create(int priority, ChannelRuleCondition condition, DeliveryChannel channel, string description)
    {
        if (condition == ChannelRuleCondition.SimOnlyInManagedCommunity && channel != DeliveryChannel.CommunityManager)
        {
            throw new DomainException(
                "channel_rule.invalid", "Deliveries inside a managed community go to its community manager");
        }

        return new ChannelRule
        {
            Priority = priority,
            Condition = condition,
            Channel = channel,
            Description = Require.Text(description, "Description", 200, "channel_rule.invalid"),
            IsActive = true,
        };
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>The rules the operator starts with (DESIGN §4).</summary>
    public static IReadOnlyList<ChannelRule> Defaults() =>
    [
        Create(10, ChannelRuleCondition.ContainsHandset, DeliveryChannel.InHouse, "Handsets need activation help: in-house staff"),
        Create(20, ChannelRuleCondition.SimOnlyInManagedCommunity, DeliveryChannel.CommunityManager, "SIM-only inside a covered community: its community manager"),
        Create(90, ChannelRuleCondition.Always, DeliveryChannel.CourierCompany, "Everything else: the courier company"),
    ];
}

/// <summary>The channel chosen for a delivery, the rule that chose it, and the courier when the rule names one.</summary>
public sealed record ChannelDecision(DeliveryChannel Channel, string Rule, long? CourierId);

public static class ChannelRules
{
    /// <summary>
    /// Applies the active rules in priority order. A rule that needs a courier who is not there (no community
    /// manager covers the zone) does not match, so the next rule decides.
    /// </summary>
    public static ChannelDecision Decide(IEnumerable<ChannelRule> rules, Delivery delivery, IReadOnlyList<Courier> couriers)
    {
        foreach (var rule in rules.Where(r => r.IsActive).OrderBy(r => r.Priority))
        {
            switch (rule.Condition)
            {
                case ChannelRuleCondition.ContainsHandset when delivery.ContainsHandset:
                case ChannelRuleCondition.SimOnly when delivery.IsSimOnly:
                case ChannelRuleCondition.Always:
                    return new ChannelDecision(rule.Channel, rule.Description, null);
                case ChannelRuleCondition.SimOnlyInManagedCommunity when delivery.IsSimOnly:
                    var manager = couriers.FirstOrDefault(c =>
                        c.Channel == DeliveryChannel.CommunityManager && c.ZoneCodes.Count > 0 && c.Covers(delivery.ZoneCode));
                    if (manager is not null)
                    {
                        return new ChannelDecision(rule.Channel, rule.Description, manager.Id);
                    }

                    break;
            }
        }

        throw new DomainException("channel_rule.no_match", $"No channel rule matches delivery {delivery.TrackingCode}; add a fallback rule");
    }
}
