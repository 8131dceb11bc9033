using Portal.Domain.Catalog;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Paging;
using Portal.Web.Features.Catalog;
using Portal.Web.Features.Inventory;

namespace Portal.Tests.Features.Inventory;

public sealed class ListStockTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private const string Station = "ST-GZ-YUEXIU";

    private PortalHost Host => fixture.Host;

    /// <summary>Accessories named with one tag, each received with its own quantity at the station.</summary>
    private async Task<string> AccessoriesWithStock(params int[] quantities)
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        for (var i = 0; i < quantities.Length; i++)
        {
            var sku = await Host.Send(new CreateProduct.Command(ProductKind.Accessory, $"ACC-{tag}-{i}", $"库存配件 {tag}", 20m), admin);
            await Host.Send(new ReceiveStock.Command(sku, Station, quantities[i]), admin);
        }

        return tag;
    }

    [Fact]
    public async Task Stock_pages_by_sku_with_the_total_of_every_match()
    {
        var tag = await AccessoriesWithStock(5, 1, 3);
        var rep = await Host.PrincipalFor("rep@portal.local");

        var first = await Host.Send(new ListStock.Query(Text: tag, Page: new ListRequest(0, 2)), rep);
        var second = await Host.Send(new ListStock.Query(Text: tag.ToLowerInvariant(), Page: new ListRequest(1, 2)), rep);

        Assert.Equal((3, 3), (first.Total, second.Total));
        Assert.Equal([$"ACC-{tag}-0", $"ACC-{tag}-1", $"ACC-{tag}-2"], first.Items.Concat(second.Items).Select(r => r.Sku));
    }

    [Fact]
    public async Task Stock_sorts_by_what_is_available_in_the_database()
    {
        var tag = await AccessoriesWithStock(5, 1, 3);
        var dispatcher = await Host.PrincipalFor("dispatcher@portal.local");

        var result = await Host.Send(
            new ListStock.Query(Text: tag, Page: new ListRequest(SortBy: nameof(ListStock.StockRow.Available), Descending: true)), dispatcher);

        Assert.Equal([5, 3, 1], result.Items.Select(r => r.Available));
    }

    [Fact]
    public async Task Stock_narrows_to_one_location()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        var atStation = await Host.Send(new ListStock.Query(LocationCode: Station.ToLowerInvariant(), Page: new ListRequest(0, ListRequest.MaxPageSize)), rep);

        Assert.NotEmpty(atStation.Items);
        Assert.All(atStation.Items, r => Assert.Equal(Station, r.LocationCode));
    }

    [Fact]
    public async Task An_unknown_sort_column_keeps_the_order_by_sku()
    {
        var tag = await AccessoriesWithStock(1, 3);
        var rep = await Host.PrincipalFor("rep@portal.local");

        var result = await Host.Send(new ListStock.Query(Text: tag, Page: new ListRequest(SortBy: "Serial", Descending: true)), rep);

        Assert.Equal([$"ACC-{tag}-0", $"ACC-{tag}-1"], result.Items.Select(r => r.Sku));
    }
}
