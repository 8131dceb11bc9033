using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;
using Portal.Web;
using Portal.Web.Common.CommandLine;
using Portal.Web.Features.Admin.ApiClients;
using Portal.Web.Features.Admin.Users;

namespace Portal.Tests.Features.Security;

/// <summary>Production has no demo accounts or keys; its first administrator comes from the `users add` command.</summary>
public sealed class ProductionModeTests : IAsyncLifetime
{
    private const string AdminEmail = "ops-admin@example.com";
    private const string AdminPassword = "Corr3ct-Horse!";
    private TestDatabase _database = default!;

    [Fact]
    public void The_launch_profile_does_not_override_the_environment()
    {
        var settings = File.ReadAllText(Path.Combine(RepositoryRoot(), "Portal.Web", "Properties", "launchSettings.json"));

        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", settings);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", File.ReadAllText(Path.Combine(RepositoryRoot(), "run.sh")));
    }

    [Fact]
    public async Task In_production_demo_sign_ins_fail_and_the_demo_key_gets_401()
    {
        await using var host = await PortalHost.StartAsync("Production", database: _database);
        using var browser = host.CreateClient();
        using var api = host.CreateApiClient(DemoAccounts.IntakeKey);

        var signIn = await PortalHost.SignInAsync(browser, "admin@portal.local");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again, with the error
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Empty(await host.WithDb(db => Task.FromResult(db.Users.ToList())));
    }

    [Fact]
    public async Task A_database_once_seeded_for_a_demo_keeps_no_working_demo_account_or_key_in_production()
    {
        await using (await PortalHost.StartAsync("Development", database: _database))
        {
        }

        await using var host = await PortalHost.StartAsync("Production", database: _database);
        using var browser = host.CreateClient();
        using var api = host.CreateApiClient(DemoAccounts.IntakeKey);

        await PortalHost.SignInAsync(browser, "admin@portal.local");

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_users_add_command_refuses_a_weak_password_and_an_existing_email_with_a_clear_message()
    {
        var (usage, _, usageError) = await UsersAdd(["users", "add", "--email", AdminEmail], "");
        var (weak, _, weakError) = await UsersAdd(["users", "add", "--email", AdminEmail, "--role", "Admin", "--password-stdin"], "short");
        var (created, output, _) = await UsersAdd(["users", "add", "--email", AdminEmail, "--role", "Admin", "--password-stdin"], AdminPassword);
        var (again, _, againError) = await UsersAdd(["users", "add", "--email", AdminEmail, "--role", "Admin", "--password-stdin"], AdminPassword);

        Assert.Equal(2, usage);
        Assert.Contains("usage:", usageError);
        Assert.Equal(1, weak);
        Assert.Contains("Password", weakError);
        Assert.DoesNotContain("short", weakError);
        Assert.Equal(0, created);
        Assert.Contains(AdminEmail, output);
        Assert.Equal(1, again);
        Assert.Contains("already exists", againError);
    }

    [Fact]
    public async Task The_first_admin_signs_in_creates_a_rep_and_an_api_client_and_revoking_stops_them_at_the_next_request()
    {
        Assert.Equal(0, (await UsersAdd(["users", "add", "--email", AdminEmail, "--role", "Admin", "--password-stdin"], AdminPassword)).Exit);
        await using var host = await PortalHost.StartAsync("Production", database: _database);
        using var adminBrowser = host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHost.SignInAsync(adminBrowser, AdminEmail, AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminBrowser.GetAsync("/admin")).StatusCode);
        var admin = await host.PrincipalFor(AdminEmail);

        var rep = await host.Send(new CreateUser.Command("new-rep@example.com", "新客服", ["Rep"], "Rep-Passw0rd!"), admin);
        var client = await host.Send(new CreateApiClient.Command("web-shop", ["intake"]), admin);
        using var repBrowser = host.CreateClient();
        await PortalHost.SignInAsync(repBrowser, "new-rep@example.com", "Rep-Passw0rd!");
        using var api = host.CreateApiClient(client.Key);
        Assert.Equal(HttpStatusCode.OK, (await repBrowser.GetAsync("/rep")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/catalog/products")).StatusCode);
        Assert.NotNull((await host.Send(new ListUsers.Query("new-rep@example.com"), admin)).Items.Single(u => u.Email == "new-rep@example.com").LastSignInAtUtc);
        Assert.DoesNotContain(client.Key, JsonSerializer.Serialize(await host.Send(new ListApiClients.Query(), admin)));

        await host.Send(new SetUserEnabled.Command(rep.UserId, Enabled: false), admin);
        await host.Send(new RevokeApiClient.Command(client.Id), admin);

        Assert.Equal(HttpStatusCode.Redirect, (await repBrowser.GetAsync("/rep")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/catalog/products")).StatusCode);
        using var again = host.CreateClient();
        await PortalHost.SignInAsync(again, "new-rep@example.com", "Rep-Passw0rd!");
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/rep")).StatusCode);
    }

    [Fact]
    public async Task Rotating_a_key_stops_the_old_key_and_a_client_without_the_scope_is_forbidden()
    {
        await using var host = await PortalHost.StartAsync(database: _database);
        var admin = await host.PrincipalFor("admin@portal.local");
        var crm = await host.Send(new CreateApiClient.Command("crm-sync", ["crm"]), admin);
        var intake = await host.Send(new CreateApiClient.Command("kiosk", ["intake"]), admin);
        var rotated = await host.Send(new RotateApiClientKey.Command(intake.Id), admin);

        using var crmApi = host.CreateApiClient(crm.Key);
        using var oldKey = host.CreateApiClient(intake.Key);
        using var newKey = host.CreateApiClient(rotated.Key);

        Assert.Equal(HttpStatusCode.Forbidden, (await crmApi.GetAsync("/api/v1/catalog/products")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldKey.GetAsync("/api/v1/catalog/products")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newKey.GetAsync("/api/v1/catalog/products")).StatusCode);
        Assert.StartsWith("msp_", rotated.Key);
        Assert.DoesNotContain(await host.WithDb(db => Task.FromResult(db.ApiClients.Select(c => c.KeyHash).ToList())), h => h.Contains(rotated.Key));
    }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(TestDatabase.DefaultEngine);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Exit, string Output, string Error)> UsersAdd(string[] args, string stdin)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await UsersCommand.RunAsync(
            args,
            new StringReader(stdin + "\n"),
            output,
            error,
            new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = typeof(PortalApp).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory },
            b => _database.Apply(b.Configuration));
        return (exit, output.ToString(), error.ToString());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test folder");
    }
}
