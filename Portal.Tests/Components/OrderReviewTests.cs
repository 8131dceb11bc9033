using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Catalog;
using Portal.Domain.Orders;
using Portal.Web.Features.Customers;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Components;

/// <summary>The review the rep reads back to the customer before submitting.</summary>
public sealed partial class OrderReviewTests
{
    private static readonly EntryLine Handset = new("HS-XM-14-256-BLK", "小米 14 256GB 黑色", ProductKind.Handset, 3999m, 2);
    private static readonly EntryLine Addon = new("ADDON-DATA-10G", "10GB 流量加油包", ProductKind.AddOn, 30m, 1);

    [Fact]
    public async Task Cash_on_delivery_shows_the_prestore_in_the_total_and_the_amount_to_collect()
    {
        var html = await Render([Handset], Offer(PolicyEffectKind.PrestoreCredit, 168m, 504m), PaymentMethod.CashOnDelivery, OrderFlow.PreOrderDelivery);

        Assert.Equal("¥7,998.00", Cell(html, "review-goods"));
        Assert.Equal("¥168.00", Cell(html, "review-prestore"));
        Assert.Contains("¥504.00", html);
        Assert.Equal("¥8,166.00", Cell(html, "review-total"));
        Assert.Equal("¥8,166.00", Cell(html, "review-to-collect"));
    }

    [Fact]
    public async Task A_discount_never_exceeds_the_goods_and_nothing_is_collected_for_an_online_payment()
    {
        var html = await Render([Addon], Offer(PolicyEffectKind.Discount, 300m, 0m), PaymentMethod.Online, OrderFlow.Direct);

        Assert.Equal("-¥30.00", Cell(html, "review-discount"));
        Assert.Equal("¥0.00", Cell(html, "review-total"));
        Assert.DoesNotContain("review-to-collect", html);
        Assert.DoesNotContain("review-prestore", html);
    }

    [Fact]
    public async Task No_items_shows_what_to_do_instead_of_a_zero_total()
    {
        var html = await Render([], null, null, null);

        Assert.Contains("review-empty", html);
        Assert.DoesNotContain("review-total", html);
    }

    private static FindCustomer.Offer Offer(PolicyEffectKind kind, decimal amount, decimal credit) =>
        new("TEST-OFFER", "Test offer", "Read this aloud.", "", true, null, kind, amount, credit);

    private static async Task<string> Render(IReadOnlyList<EntryLine> lines, FindCustomer.Offer? offer, PaymentMethod? payment, OrderFlow? flow)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<OrderReview>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(OrderReview.Lines)] = lines,
                [nameof(OrderReview.Offer)] = offer,
                [nameof(OrderReview.Payment)] = payment,
                [nameof(OrderReview.Flow)] = flow,
            }));
            return System.Net.WebUtility.HtmlDecode(output.ToHtmlString());
        });
    }

    /// <summary>The text of the cell with the given test id, tags stripped.</summary>
    private static string Cell(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>(.*?)</td>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No cell {testId} in {html}");
        return Tags().Replace(match.Groups[1].Value, "").Trim();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
