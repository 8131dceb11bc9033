using System.Net;
using Portal.Domain.Common;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Features.Admin.ApiClients;
using Portal.Web.Features.Admin.Users;

namespace Portal.Tests.Features.Security;

/// <summary>An administrator changes what a person or an integration may do; the change counts from their very next step.</summary>
public sealed class AdminAccessChangeTests
{
    [Fact]
    public async Task A_scope_taken_from_a_client_refuses_its_next_call_and_a_bad_scope_list_changes_nothing()
    {
        await using var host = await PortalHost.StartAsync();
        var admin = await host.PrincipalFor("admin@portal.local");
        var issued = await host.Send(new CreateApiClient.Command($"shop-{Guid.NewGuid():N}"[..20], ["intake", "crm"]), admin);
        using var client = host.CreateApiClient(issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/catalog/products")).StatusCode);

        await Assert.ThrowsAsync<RequestValidationException>(() => host.Send(new ChangeApiClientScopes.Command(issued.Id, []), admin));
        await Assert.ThrowsAsync<RequestValidationException>(() => host.Send(new ChangeApiClientScopes.Command(issued.Id, ["intake", "everything"]), admin));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/catalog/products")).StatusCode);

        await host.Send(new ChangeApiClientScopes.Command(issued.Id, ["crm"]), admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/catalog/products")).StatusCode);
        var row = (await host.Send(new ListApiClients.Query(), admin)).Items.Single(c => c.Id == issued.Id);
        Assert.Equal("crm", row.Scopes);
    }

    [Fact]
    public async Task The_last_administrator_cannot_drop_the_admin_role_but_one_of_two_can_and_loses_the_admin_pages_at_once()
    {
        await using var host = await PortalHost.StartAsync();
        var admin = await host.PrincipalFor("admin@portal.local");
        var adminId = await host.UserIdOf("admin@portal.local");

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Send(new ChangeUserRoles.Command(adminId, ["Rep"]), admin));
        Assert.Equal("user.last_admin", refused.Code);
        Assert.Contains("last administrator", refused.Message);
        Assert.Contains("Admin", (await host.Send(new ListUsers.Query("admin@portal.local"), admin)).Items.Single().Roles);

        var email = $"second-admin-{Guid.NewGuid():N}@example.com";
        var second = await host.Send(new CreateUser.Command(email, "第二管理员", ["Admin", "Rep"], "Admin-Passw0rd!"), admin);
        using var browser = host.CreateClient();
        await PortalHost.SignInAsync(browser, email, "Admin-Passw0rd!");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);

        await host.Send(new ChangeUserRoles.Command(second.UserId, ["Rep"]), await host.PrincipalFor(email));

        var next = await browser.GetAsync("/admin/users");
        Assert.NotEqual(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(["Rep"], (await host.Send(new ListUsers.Query(email), admin)).Items.Single().Roles);
    }
}
