using Portal.Infrastructure.Jobs;

namespace Portal.Web.Common.Jobs;

/// <summary>
/// A job every node schedules but only the holder of its lease runs: each tick the node renews (or, once the
/// holder has gone quiet past the lease, takes over) the job's lease and runs only if it holds it. With N nodes
/// each run happens once; if the holder dies, another node picks the job up within two intervals.
/// </summary>
public abstract class LeasedJob(JobLeases leases, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run. Must be idempotent: after a crash the next holder may repeat part of it.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                if (await leases.TryTakeAsync(Name, Interval * 2, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Background job {Job} failed; it runs again in {Interval}", Name, Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAsync(Name, cancellationToken);
        }
        catch (Exception ex)
        {
            // The lease then simply expires.
            logger.LogWarning(ex, "Could not release the lease of {Job}", Name);
        }
    }
}
