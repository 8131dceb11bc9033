using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;

namespace Portal.Web.Common;

/// <summary>
/// Runs before any other hosted service starts (data protection loads its keys from the database, jobs query it):
/// applies migrations, ensures the roles exist and, in Development, seeds the demo accounts and data. Every step is
/// idempotent, and on a server engine nodes starting together take turns (<see cref="StartupLock"/>), so the
/// database is migrated once.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes, PortalDatabase database, IHostEnvironment environment, TimeProvider time, IConfiguration configuration, DatabaseInUse inUse)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        inUse.Hold();
        await using var turn = await StartupLock.AcquireAsync(database, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        await PersistenceSetup.MigrateAsync(db, cancellationToken);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (environment.IsDevelopment())
        {
            await DemoAccounts.SeedAsync(db, services.GetRequiredService<UserManager<PortalUser>>(), roles, time.GetUtcNow().UtcDateTime);
            await DemoCatalog.SeedAsync(db, time.GetUtcNow().UtcDateTime);
            await DemoDispatch.SeedAsync(db);
            await DemoDeliveryHistory.SeedAsync(
                db, Portal.Domain.Shared.ChinaTime.Today(time.GetUtcNow().UtcDateTime), configuration.GetValue("Demo:DeliveryHistoryDays", 28));
            await Features.KeyMoments.DemoKeyMoments.SeedAsync(db, new Portal.Domain.Common.TimeProviderClock(time), cancellationToken);
            await Features.Reconciliation.DemoAudit.SeedAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        }
        else
        {
            await DemoAccounts.EnsureRolesAsync(roles);
            await DemoDispatch.EnsureReferenceDataAsync(db);
            await DemoAccounts.RetireAsync(db, services.GetRequiredService<UserManager<PortalUser>>(), time.GetUtcNow().UtcDateTime);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
