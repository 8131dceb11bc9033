using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;

namespace Portal.Web.Common;

/// <summary>
/// Runs before the server accepts requests: applies migrations, ensures the roles exist and, in Development,
/// seeds the demo accounts and data. Every step is idempotent, so restarts are safe.
/// </summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes, IHostEnvironment environment, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
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
        }
        else
        {
            await DemoAccounts.EnsureRolesAsync(roles);
            await DemoDispatch.EnsureReferenceDataAsync(db);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
