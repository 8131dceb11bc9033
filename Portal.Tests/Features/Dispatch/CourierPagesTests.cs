using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Dispatch;

/// <summary>The courier's pages over HTTP: their own stop opens, another courier's stop id in the URL reveals nothing.</summary>
public sealed class CourierPagesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_courier_opens_their_own_stop_and_learns_nothing_from_another_couriers_stop_id()
    {
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), delivery.Version, null), await Host.PrincipalFor(Dispatcher));
        using var mine = Host.CreateClient();
        await PortalHost.SignInAsync(mine, CourierLogin);
        using var theirs = Host.CreateClient();
        await PortalHost.SignInAsync(theirs, Courier2Login);

        var own = await mine.GetStringAsync($"/courier/stops/{delivery.Id}");
        var other = await theirs.GetStringAsync($"/courier/stops/{delivery.Id}");
        var unknown = await theirs.GetStringAsync("/courier/stops/987654321");

        Assert.Contains("data-testid=\"stop-pick-up\"", own);
        Assert.Contains(delivery.RecipientName, own);
        Assert.Contains("data-testid=\"not-found\"", other);
        Assert.DoesNotContain(delivery.RecipientName, other);
        Assert.DoesNotContain(delivery.TrackingCode.Value, other);
        Assert.Contains("data-testid=\"not-found\"", unknown);
        Assert.DoesNotContain("data-testid=\"stop-header\"", other);
    }

    [Fact]
    public async Task The_run_page_renders_for_a_courier()
    {
        using var client = Host.CreateClient();
        await PortalHost.SignInAsync(client, CourierLogin);

        var response = await client.GetAsync("/courier");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("My deliveries", await response.Content.ReadAsStringAsync());
    }
}
