using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Features.Customers;
using Portal.Web.Features.Inventory;
using Portal.Web.Features.Opportunities;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;

namespace Portal.Tests.Features.Localization;

/// <summary>A user working in 简体中文 reads what the server refuses in Chinese, with statuses by their Chinese names.</summary>
public sealed class ServerMessagesInChineseTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private static async Task<T> InCulture<T>(string culture, Func<Task<T>> action)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    [Fact]
    public async Task A_domain_refusal_is_in_chinese_with_the_status_by_its_chinese_name()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);
        await Host.Send(new CloseOpportunityAsLost.Command(number, "客户已在别处购买"), backOffice);

        var refused = await InCulture("zh-CN", () => Assert.ThrowsAsync<DomainException>(
            () => Host.Send(new ClaimOpportunity.Command(number), backOffice)));

        Assert.Equal($"商机 {number} 不能从“已流失”变为“已认领”", refused.Message);
        Assert.Equal("opportunity.invalid_transition", refused.Code);
        Assert.DoesNotContain(nameof(OpportunityStatus.Lost), refused.Message);
    }

    [Fact]
    public async Task The_same_refusal_stays_english_for_an_english_user()
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);
        await Host.Send(new CloseOpportunityAsLost.Command(number, "Bought elsewhere"), backOffice);

        var refused = await InCulture("en", () => Assert.ThrowsAsync<DomainException>(
            () => Host.Send(new ClaimOpportunity.Command(number), backOffice)));

        Assert.Equal($"Opportunity {number} cannot go from Lost to Claimed", refused.Message);
    }

    [Fact]
    public async Task Validation_messages_are_in_chinese_at_their_fields()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var backOffice = await Host.PrincipalFor(BackOffice);
        var number = await Register(Host);

        var stock = await InCulture("zh-CN", () => Assert.ThrowsAsync<RequestValidationException>(
            () => Host.Send(new ReceiveStock.Command("NO-SUCH-SKU", "ST-GZ-YUEXIU", 1), admin)));
        var lost = await InCulture("zh-CN", () => Assert.ThrowsAsync<RequestValidationException>(
            () => Host.Send(new CloseOpportunityAsLost.Command(number, " "), backOffice)));

        Assert.Equal(["SKU NO-SUCH-SKU 不存在。"], stock.Errors["Sku"]);
        Assert.Equal(["请填写原因。"], lost.Errors["Reason"]);
    }

    [Fact]
    public async Task Eligibility_reasons_and_effects_are_in_chinese_for_the_rep()
    {
        var rep = await Host.PrincipalFor(Rep);

        var card = await InCulture("zh-CN", () => Host.Send(new FindCustomer.Query("13800138000"), rep));

        var reasons = card!.Offers.Where(o => !o.IsEligible).ToDictionary(o => o.Code, o => o.Reason);
        Assert.Equal("仅限VIP客户", reasons["VIP-HANDSET-300"]);
        Assert.Equal("客户没有“contract-ending”标签", reasons["RENEW-CONTRACT-100"]);
        Assert.Equal("仅限月费不高于 ¥88.00 的套餐客户；该客户月费为 ¥96.00", reasons["UPGRADE-5G-50"]);
        Assert.Equal("预存 ¥168.00，送 ¥504.00 话费", card.Offers.Single(o => o.Code == "PRESTORE-168-504").Effect);
    }
}
