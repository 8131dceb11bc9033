using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Orders;
using static Portal.Tests.Components.OpportunityActionsTests;

namespace Portal.Tests.Components;

/// <summary>Two people on the same order: the one whose screen is out of date is told, in their language, and the page reloads.</summary>
public sealed class CancelOrderPanelTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Cancelling_an_order_changed_by_someone_else_shows_a_chinese_message_and_reloads_instead_of_an_error_page()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var order = await OrderSlice.PlacePreOrder(Host, rep, OrderSlice.NewPhone(), "HS-HONOR-X50-128-BLK");
        var seen = await Host.Send(new GetOrder.Query(order.Number), rep);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            await using var context = new PortalComponentContext(Host, rep);
            var dialogs = context.Render<MudDialogProvider>();
            var (reloads, cancels) = (0, 0);
            var panel = context.Render<CancelOrderPanel>(p => p
                .Add(c => c.Number, order.Number)
                .Add(c => c.Version, seen.Version - 1) // the screen was drawn before a colleague's change
                .Add(c => c.Changed, () => reloads++)
                .Add(c => c.Cancelled, () => cancels++));

            var cancelling = panel.Find("[data-testid=cancel-order]").ClickAsync(new MouseEventArgs());
            await Field(dialogs, "confirm-reason").ChangeAsync(new ChangeEventArgs { Value = "客户改变主意" });
            await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new MouseEventArgs());
            await cancelling;

            panel.WaitForAssertion(() => Assert.Contains($"订单 {order.Number} 在此期间已被他人修改", panel.Find("[data-testid=cancel-error]").TextContent));
            Assert.Equal((1, 0), (reloads, cancels));
            Assert.Equal("ReadyForDispatch", (await Host.Send(new GetOrder.Query(order.Number), rep)).Status);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
