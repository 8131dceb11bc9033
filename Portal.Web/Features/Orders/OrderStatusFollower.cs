using Portal.Web.Common;

namespace Portal.Web.Features.Orders;

/// <summary>
/// Follows a direct order on screen until the BSS has answered (the outbox worker records the outcome after the
/// order committed), so the rep sees Completed or the BSS's reason without reloading. Stops after two minutes;
/// the order page shows the outcome from then on.
/// </summary>
public sealed class OrderStatusFollower(UiSender sender) : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private const int MaxPolls = 120;
    private readonly CancellationTokenSource _stop = new();

    public async Task FollowAsync(string number, Func<GetOrderStatus.Result, Task> onChange)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            for (var i = 0; i < MaxPolls && await timer.WaitForNextTickAsync(_stop.Token); i++)
            {
                var status = await sender.Send(new GetOrderStatus.Query(number), _stop.Token);
                if (!status.AwaitingBss)
                {
                    await onChange(status);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The rep left the page.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
