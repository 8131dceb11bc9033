using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.KeyMoments;

/// <summary>A portal whose clock stands at 10:00 China time on 12 November 2026, the month the demo usage file is written for.</summary>
internal static class KeyMomentHost
{
    public static readonly DateTimeOffset FileDay = new(2026, 11, 12, 2, 0, 0, TimeSpan.Zero);

    public static async Task<(PortalHost Host, FakeTimeProvider Time)> StartAsync(DatabaseProvider? engine = null)
    {
        var time = new FakeTimeProvider(FileDay);
        var host = await PortalHost.StartAsync(engine: engine, configure: b =>
        {
            b.Services.AddSingleton<TimeProvider>(time);
            // The sweep's first run starts with the host and would race a test's own loads for the same moments
            // (a run that raises them between the load's save and its own look leaves the load reporting none raised).
            // The tests run the sweep's command themselves.
            b.Configuration["KeyMoments:EvaluateEveryMinutes"] = "0";
        });
        return (host, time);
    }

    /// <summary>Forgets the seeded facts and tasks, so a test loads the file itself.</summary>
    public static Task ClearAsync(PortalHost host) => host.WithDb(async db =>
    {
        await db.OfferOutcomes.ExecuteDeleteAsync();
        await db.RepTasks.ExecuteDeleteAsync();
        return await db.UsageFacts.ExecuteDeleteAsync();
    });
}
