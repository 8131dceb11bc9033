using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Dispatch;

public sealed class DispatchBoardTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_waiting_delivery_moves_from_the_waiting_list_onto_the_couriers_run_when_assigned()
    {
        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);

        var before = await Host.Send(new GetBoard.Query(Tomorrow), dispatcher);
        var waiting = Assert.Single(before.Waiting, w => w.DeliveryId == delivery.Id);
        Assert.Equal(("TH", delivery.Version), (waiting.ZoneCode, waiting.Version));
        Assert.Contains(before.ByZone, t => t.Name == "TH" && t.Count > 0);

        await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), waiting.Version, null), dispatcher);

        var after = await Host.Send(new GetBoard.Query(Tomorrow), dispatcher);
        Assert.DoesNotContain(after.Waiting, w => w.DeliveryId == delivery.Id);
        var run = Assert.Single(after.Runs, r => r.Stops.Any(s => s.DeliveryId == delivery.Id));
        Assert.Equal(CourierLogin, (await Host.WithDb(db => Task.FromResult(db.Couriers.Single(c => c.Id == run.CourierId).Login))));
        Assert.Equal(Enumerable.Range(1, run.Stops.Count), run.Stops.Select(s => s.Sequence));
        Assert.All(run.Stops, s => Assert.NotNull(s.Arrival));
    }

    [Fact]
    public async Task Only_a_dispatcher_reads_the_board()
    {
        var courier = await Host.PrincipalFor(CourierLogin);
        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new GetBoard.Query(Tomorrow), courier));
    }

    [Theory]
    [InlineData("en", "Waiting for a courier")]
    [InlineData("zh-CN", "等待分配配送员")]
    public async Task The_board_page_renders_for_a_dispatcher_in_both_languages(string culture, string heading)
    {
        using var client = Host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        await PortalHost.SignInAsync(client, Dispatcher);

        var response = await client.GetAsync("/dispatch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"board-waiting\"", page);
        Assert.Contains(heading, page);
    }
}
