using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Persistence.Seeding;

/// <summary>Roles, one demo user per role and the demo intake API client. Safe to run on every start.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!2345";
    public const string IntakeClient = "intake";
    public const string IntakeKey = "demo-intake-key";
    public const string FinanceClient = "finance";
    public const string FinanceKey = "demo-finance-key";
    public const string CourierCompanyClient = "courier company";
    public const string CourierCompanyKey = "demo-courier-key";
    public const string CrmClient = "crm";
    public const string CrmKey = "demo-crm-key";

    /// <summary>Development API clients with their scopes; courier (deliveries) and CRM clients go here too.</summary>
    public static readonly IReadOnlyList<(string Client, string Key, string[] Scopes)> DemoKeys =
    [
        (IntakeClient, IntakeKey, [ApiScopes.Intake]),
        (FinanceClient, FinanceKey, [ApiScopes.Finance]),
        (CourierCompanyClient, CourierCompanyKey, [ApiScopes.Deliveries]),
        (CrmClient, CrmKey, [ApiScopes.Crm]),
    ];

    public static readonly IReadOnlyList<(string Email, string DisplayName, string Role)> Users =
    [
        ("admin@portal.local", "系统管理员 Admin", Roles.Admin),
        ("rep@portal.local", "客服代表 王芳", Roles.Rep),
        ("backoffice@portal.local", "后台 李娜", Roles.BackOffice),
        ("dispatcher@portal.local", "调度 张伟", Roles.Dispatcher),
        ("courier@portal.local", "配送员 陈强", Roles.Courier),
        ("courier2@portal.local", "配送员 黄磊", Roles.Courier),
        ("community@portal.local", "社区经理 周婷", Roles.Courier),
        ("cashier@portal.local", "网点收银 刘洋", Roles.Cashier),
        ("finance@portal.local", "财务稽核 赵敏", Roles.Finance),
        ("supervisor@portal.local", "值班主管 孙悦", Roles.Supervisor),
    ];

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.Staff)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    public static async Task SeedAsync(PortalDbContext db, UserManager<PortalUser> users, RoleManager<IdentityRole> roles, DateTime nowUtc)
    {
        await EnsureRolesAsync(roles);
        foreach (var (email, displayName, role) in Users)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, LockoutEnabled = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }

        foreach (var (client, key, scopes) in DemoKeys)
        {
            if (!await db.ApiClients.AnyAsync(c => c.Name == client))
            {
                db.ApiClients.Add(ApiClient.Create(client, key, nowUtc, scopes));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Outside Development no demo sign-in or key may work, even on a database that was once seeded for a demo:
    /// demo users are disabled and demo keys revoked.
    /// </summary>
    public static async Task RetireAsync(PortalDbContext db, UserManager<PortalUser> users, DateTime nowUtc)
    {
        foreach (var (email, _, _) in Users)
        {
            if (await users.FindByEmailAsync(email) is { IsDisabled: false } user)
            {
                user.IsDisabled = true;
                Check(await users.SetLockoutEnabledAsync(user, true));
                Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
                Check(await users.UpdateSecurityStampAsync(user));
            }
        }

        var demoKeys = DemoKeys.Select(k => ApiClient.Hash(k.Key)).ToList();
        foreach (var client in await db.ApiClients.Where(c => c.IsActive && demoKeys.Contains(c.KeyHash)).ToListAsync())
        {
            client.Revoke(nowUtc);
        }

        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
