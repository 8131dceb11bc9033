using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Documents;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Documents;

/// <summary>
/// Prints a run's manifest ahead, once the dispatcher has planned the run and left it alone for a few seconds, so
/// the dispatcher's print and the courier's download are served from the renderer's kept PDFs instead of waiting
/// for Chromium. Nothing depends on it: a manifest that changed again, or is asked for in another language, has
/// other content and is printed on request. Runs are remembered in memory only; a restart loses nothing but time.
/// </summary>
public sealed class PrintManifestAhead(
    IServiceScopeFactory scopes,
    IDocumentRenderer renderer,
    IOptions<DocumentOptions> options,
    TimeProvider time,
    ILogger<PrintManifestAhead> logger) : BackgroundService
{
    private readonly Channel<(long CourierId, DateOnly Date)> _changed =
        Channel.CreateUnbounded<(long, DateOnly)>(new() { SingleReader = true });

    private bool Enabled => options.Value.PrePrintManifests && !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    /// <summary>The courier's run for the day was planned or replanned.</summary>
    public void RunChanged(long courierId, DateOnly date)
    {
        if (Enabled)
        {
            _changed.Writer.TryWrite((courierId, date));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settle = new Dictionary<(long CourierId, DateOnly Date), DateTimeOffset>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await NextChangeAsync(settle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            foreach (var run in settle.Where(r => r.Value <= time.GetUtcNow()).Select(r => r.Key).ToList())
            {
                settle.Remove(run);
                try
                {
                    await PrintAsync(run.CourierId, run.Date, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "The manifest of courier {CourierId} for {Date} was not printed ahead", run.CourierId, run.Date);
                }
            }
        }
    }

    /// <summary>Waits for a change or for the next run to settle; a changed run starts its quiet period again.</summary>
    private async Task NextChangeAsync(Dictionary<(long CourierId, DateOnly Date), DateTimeOffset> settle, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (settle.Count > 0)
        {
            wait.CancelAfter(TimeSpan.FromTicks(Math.Max(0, (settle.Values.Min() - time.GetUtcNow()).Ticks)));
        }

        try
        {
            await _changed.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The next run has settled.
        }

        while (_changed.Reader.TryRead(out var run))
        {
            settle[run] = time.GetUtcNow() + options.Value.PrePrintDelay;
        }
    }

    private async Task PrintAsync(long courierId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var courier = await db.Couriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courierId, cancellationToken);
        if (courier is null || courier.Channel == DeliveryChannel.CourierCompany)
        {
            return;
        }

        // Only this flow: the culture is restored when this method returns.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(options.Value.PrePrintCulture);
        var manifest = await RunManifest.Build(db, courier, date, cancellationToken);
        var document = await DocumentEndpoints.RenderManifest(scope.ServiceProvider, manifest, options.Value.PublicBaseUrl!);
        await renderer.PrintPdfAsync(document, cancellationToken);
    }
}
