using Portal.Domain.Catalog;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;
using Portal.Web.Features.Catalog;

namespace Portal.Tests.Features.Catalog;

public sealed class ListProductsTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private static string[] SeededPlans => ["PLAN-5G-58", "PLAN-5G-88", "PLAN-5G-96", "PLAN-5G-128", "PLAN-5G-198"];

    [Fact]
    public async Task Plans_run_by_monthly_fee_as_numbers_not_as_text()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        var catalog = await Host.Send(new ListProducts.Query(), rep);
        var firstPage = await Host.Send(new ListProducts.Search(Kind: ProductKind.Plan), rep);

        Assert.Equal(SeededPlans, catalog.Where(p => SeededPlans.Contains(p.Sku)).Select(p => p.Sku));
        Assert.Equal(SeededPlans, firstPage.Items.Where(p => SeededPlans.Contains(p.Sku)).Select(p => p.Sku));
    }

    [Fact]
    public async Task Sorting_by_price_descending_is_numeric_in_the_database()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");

        var page = await Host.Send(
            new ListProducts.Search(Text: "PLAN-5G", Page: new ListRequest(SortBy: nameof(ListProducts.ProductRow.Price), Descending: true)), admin);

        Assert.Equal(SeededPlans.Reverse(), page.Items.Where(p => SeededPlans.Contains(p.Sku)).Select(p => p.Sku));
        Assert.Equal(page.Items.Select(p => p.Price).OrderDescending(), page.Items.Select(p => p.Price));
    }

    [Fact]
    public async Task Pages_carry_the_total_and_never_overlap()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        for (var i = 0; i < 5; i++)
        {
            await Host.Send(new CreateProduct.Command(ProductKind.Accessory, $"ACC-{tag}-{i}", $"分页配件 {tag} {i}", 10m + i), admin);
        }

        var first = await Host.Send(new ListProducts.Search(Text: tag, Page: new ListRequest(0, 3)), admin);
        var second = await Host.Send(new ListProducts.Search(Text: tag.ToLowerInvariant(), Page: new ListRequest(1, 3)), admin);

        Assert.Equal((5, 5), (first.Total, second.Total));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"ACC-{tag}-{i}"), first.Items.Concat(second.Items).Select(p => p.Sku));
        Assert.All(first.Items, p => Assert.Equal(0, p.Available));
    }

    [Fact]
    public async Task Stocked_only_leaves_out_plans_and_add_ons_and_finds_by_name()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");

        var stocked = await Host.Send(new ListProducts.Search(StockedOnly: true, Page: new ListRequest(0, ListRequest.MaxPageSize)), admin);
        var byName = await Host.Send(new ListProducts.Search(Text: "5G畅享"), admin);

        Assert.NotEmpty(stocked.Items);
        Assert.All(stocked.Items, p => Assert.NotNull(p.Available));
        Assert.DoesNotContain(stocked.Items, p => p.Kind is ProductKind.Plan or ProductKind.AddOn);
        Assert.Equal(["PLAN-5G-58", "PLAN-5G-88", "PLAN-5G-128"], byName.Items.Select(p => p.Sku));
        Assert.All(byName.Items, p => Assert.Null(p.Available));
    }

    [Fact]
    public async Task An_unknown_sort_column_keeps_plans_by_fee()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");

        var page = await Host.Send(new ListProducts.Search(Kind: ProductKind.Plan, Page: new ListRequest(SortBy: "Price; DROP TABLE Products")), admin);

        Assert.Equal(SeededPlans, page.Items.Where(p => SeededPlans.Contains(p.Sku)).Select(p => p.Sku));
    }

    [Fact]
    public async Task A_courier_cannot_browse_the_catalog()
    {
        var courier = await Host.PrincipalFor("courier@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new ListProducts.Search(), courier));
    }
}
