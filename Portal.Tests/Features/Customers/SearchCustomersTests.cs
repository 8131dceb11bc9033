using Portal.Domain.Customers;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;
using Portal.Web.Features.Customers;

namespace Portal.Tests.Features.Customers;

public sealed class SearchCustomersTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_part_of_the_phone_finds_the_customer_with_the_phone_masked()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        var found = await Host.Send(new SearchCustomers.Query("138 0013"), rep);

        var row = Assert.Single(found.Items);
        Assert.Equal(("王小明", CustomerTier.Standard, "PLAN-5G-96", 96m), (row.Name, row.Tier, row.CurrentPlanSku, row.CurrentPlanFee));
        Assert.DoesNotContain("13800138000", row.MaskedPhone);
        Assert.Equal(1, found.Total);
    }

    [Fact]
    public async Task A_part_of_the_name_and_a_tier_narrow_the_list()
    {
        var backOffice = await Host.PrincipalFor("backoffice@portal.local");

        var byName = await Host.Send(new SearchCustomers.Query("丽"), backOffice);
        var vips = await Host.Send(new SearchCustomers.Query(Tier: CustomerTier.Vip), backOffice);

        Assert.Equal(["张丽华"], byName.Items.Select(r => r.Name));
        Assert.Equal(["刘志伟", "李娟"], vips.Items.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pages_sorted_by_plan_fee_run_as_numbers_and_do_not_overlap()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var byFee = new ListRequest(0, 3, nameof(SearchCustomers.CustomerRow.CurrentPlanFee));
        var total = (await Host.Send(new SearchCustomers.Query(Page: byFee), admin)).Total;

        var pages = new List<SearchCustomers.CustomerRow>();
        for (var page = 0; page * 3 < total; page++)
        {
            pages.AddRange((await Host.Send(new SearchCustomers.Query(Page: byFee with { Page = page }), admin)).Items);
        }

        // Engines differ on where customers without a plan go; the fees themselves must run as numbers.
        var fees = pages.Where(r => r.CurrentPlanFee is not null).Select(r => r.CurrentPlanFee!.Value).ToList();
        Assert.True(total > 3);
        Assert.Equal(fees.Order(), fees);
        Assert.Equal(total, pages.Select(r => r.Id).Distinct().Count());
        Assert.Contains(58m, fees);
        Assert.Contains(128m, fees);
    }

    [Fact]
    public async Task An_unknown_sort_column_keeps_the_order_by_name_and_a_huge_page_is_clamped()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        var page = await Host.Send(new SearchCustomers.Query(Page: new ListRequest(PageSize: 100_000, SortBy: "IdNumber")), rep);
        var byName = await Host.Send(new SearchCustomers.Query(Page: new ListRequest(PageSize: 100, SortBy: nameof(SearchCustomers.CustomerRow.Name))), rep);

        Assert.InRange(page.Items.Count, 1, ListRequest.MaxPageSize);
        Assert.Equal(byName.Items.Select(r => r.Id), page.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_courier_cannot_list_customers()
    {
        var courier = await Host.PrincipalFor("courier@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new SearchCustomers.Query(), courier));
    }
}
