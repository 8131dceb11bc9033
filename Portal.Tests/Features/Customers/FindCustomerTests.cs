using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Customers;

namespace Portal.Tests.Features.Customers;

public sealed class FindCustomerTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_96_plan_customer_is_offered_prestore_168_get_504_with_its_call_script()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        var card = await Host.Send(new FindCustomer.Query("13800138000"), rep);

        Assert.NotNull(card);
        Assert.Equal(("王小明", "PLAN-5G-96", 96m, CustomerTier.Standard), (card.Name, card.CurrentPlanSku, card.CurrentPlanFee, card.Tier));
        Assert.Matches(@"^\d{4}\*+\d{4}$", card.IdNumberMasked);
        Assert.Contains("old-handset", card.Tags);
        var prestore = Assert.Single(card.Offers, o => o.Code == "PRESTORE-168-504");
        Assert.True(prestore.IsEligible);
        Assert.Null(prestore.Reason);
        Assert.Contains("预存168元即可获赠504元", prestore.CallScript);
        Assert.Equal((PolicyEffectKind.PrestoreCredit, 168m, 504m), (prestore.EffectKind, prestore.Amount, prestore.Credit));
        Assert.Equal(["PRESTORE-168-504"], card.Offers.Where(o => o.IsEligible).Select(o => o.Code));
    }

    [Fact]
    public async Task Offers_the_customer_does_not_qualify_for_are_listed_with_the_reason()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        var card = await Host.Send(new FindCustomer.Query("138 0013 8000"), rep);

        var ineligible = card!.Offers.Where(o => !o.IsEligible).ToDictionary(o => o.Code, o => o.Reason);
        Assert.Equal(["RENEW-CONTRACT-100", "UPGRADE-5G-50", "VIP-HANDSET-300"], ineligible.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("VIP", ineligible["VIP-HANDSET-300"]);
        Assert.Contains("contract-ending", ineligible["RENEW-CONTRACT-100"]);
        Assert.All(ineligible.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public async Task An_unknown_number_finds_no_customer()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        Assert.Null(await Host.Send(new FindCustomer.Query("13912345670"), rep));
    }

    [Fact]
    public async Task A_malformed_phone_is_a_field_error()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new FindCustomer.Query("1380013"), rep));

        var message = Assert.Single(Assert.Contains("Phone", ex.Errors));
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task A_courier_cannot_look_customers_up()
    {
        var courier = await Host.PrincipalFor("courier@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new FindCustomer.Query("13800138000"), courier));
    }
}
