using Portal.Domain.Common;
using Portal.Domain.KeyMoments;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.KeyMoments;

public sealed class OfferSuppressionTests
{
    private static readonly QuietPeriod Thirty = QuietPeriod.Days(30);

    [Theory]
    [InlineData(OfferOutcomeKind.Declined)]
    [InlineData(OfferOutcomeKind.DoNotContact)]
    public void A_declined_or_do_not_contact_offer_is_suppressed_for_the_quiet_period_then_returns(OfferOutcomeKind kind)
    {
        var outcomes = new[] { ("UPGRADE-5G-50", kind, Now) };

        Assert.Equal(Now.AddDays(30), Thirty.SuppressedUntil(outcomes, "upgrade-5g-50", Now.AddDays(29)));
        Assert.Null(Thirty.SuppressedUntil(outcomes, "UPGRADE-5G-50", Now.AddDays(30)));
    }

    [Fact]
    public void Interest_or_an_order_suppresses_nothing_and_other_offers_stay()
    {
        var outcomes = new[] { ("UPGRADE-5G-50", OfferOutcomeKind.Interested, Now), ("VIP-HANDSET-300", OfferOutcomeKind.Declined, Now) };

        Assert.Null(Thirty.SuppressedUntil(outcomes, "UPGRADE-5G-50", Now.AddDays(1)));
    }

    [Fact]
    public void Refuses_a_quiet_period_outside_a_year()
    {
        Assert.Throws<DomainException>(() => QuietPeriod.Days(0));
        Assert.Throws<DomainException>(() => QuietPeriod.Days(366));
    }
}
