using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Delivery;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Dispatch;

public sealed class DemoDeliveryDayTests
{
    [Fact]
    public async Task A_development_portal_starts_with_a_day_of_deliveries_on_the_board_and_on_the_couriers_runs_once()
    {
        await using var host = await PortalHost.StartAsync(configure: b => b.Configuration["Demo:DeliveryDay"] = "true");
        var today = ChinaTime.Today(DateTime.UtcNow);

        var board = await host.Send(new GetBoard.Query(today), await host.PrincipalFor(Dispatcher));
        var run = await host.Send(new GetMyRun.Query(), await host.PrincipalFor(CourierLogin));

        Assert.Equal(9, board.Waiting.Count + board.Runs.Sum(r => r.Load));
        Assert.True(board.Waiting.Count >= 5);
        Assert.True(board.ByZone.Count >= 4);
        Assert.Equal(3, run.Stops.Count);
        Assert.All(run.Stops, s => Assert.Equal(DeliveryStatus.Assigned, s.Status));

        // A restart on the same database finds the day already there.
        await using var again = await PortalHost.StartAsync(configure: b => b.Configuration["Demo:DeliveryDay"] = "true", database: host.Database);
        var reread = await again.Send(new GetBoard.Query(today), await again.PrincipalFor(Dispatcher));
        Assert.Equal(9, reread.Waiting.Count + reread.Runs.Sum(r => r.Load));
    }
}
