using System.Net;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Administration;

/// <summary>
/// The Production journey of an operator without a database editor: demo sign-ins and the demo key fail; the
/// administrator from `users add` signs in, creates a rep and an API client in the pages, the key works; after
/// disabling and revoking, the rep's next page and the key's next call are refused (401 problem details).
/// </summary>
[Collection(ProductionCollection.Name)]
public sealed class ProductionAdministrationTests(ProductionAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    private const string RepEmail = "new-rep@example.com";
    private const string RepPassword = "Rep-Passw0rd!";

    [Fact]
    public Task The_first_admin_creates_a_rep_and_an_api_client_and_revoking_them_stops_their_next_request() => RunAsync(async () =>
    {
        using var http = new HttpClient { BaseAddress = App.BaseUrl };
        var login = await new LoginPage(Page).GotoAsync();
        await login.SubmitAsync(DemoUsers.Admin.Email, DemoUsers.Password);
        await Expect(login.Error).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(http, "demo-intake-key")).StatusCode);

        await login.SubmitAsync(ProductionAppFixture.AdminEmail, ProductionAppFixture.AdminPassword);
        var shell = new PortalShell(Page);
        await Expect(Page).ToHaveURLAsync(PortalShell.UrlFor("admin"));
        await shell.WaitForInteractiveAsync();

        await Page.GetByTestId("admin-link-users").ClickAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Users");
        await shell.WaitForInteractiveAsync();
        await PortalShell.ClickUntilAsync(Page.GetByTestId("users-new"), async () => await Page.GetByTestId("user-create-panel").IsVisibleAsync());
        await Page.GetByTestId("user-email").FillAsync(RepEmail);
        await Page.GetByTestId("user-name").FillAsync("新客服");
        await Page.GetByTestId("user-password").FillAsync(RepPassword);
        var roles = Page.Locator(".mud-select").Filter(new() { Has = Page.GetByTestId("user-roles") }).First;
        await roles.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Rep", Exact = true }).ClickAsync();
        // The list stays open for more roles; the select itself closes it.
        await roles.ClickAsync(new() { Force = true });
        await Expect(Page.GetByRole(AriaRole.Option, new() { Name = "Rep", Exact = true })).ToHaveCountAsync(0);
        await Page.GetByTestId("user-create-submit").ClickAsync();
        await Expect(Page.GetByText($"User {RepEmail} was added.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId($"user-status-{RepEmail}")).ToHaveTextAsync("Active");

        await Page.GotoAsync("admin/api-clients");
        await shell.WaitForInteractiveAsync();
        await PortalShell.ClickUntilAsync(Page.GetByTestId("api-clients-new"), async () => await Page.GetByTestId("api-client-create-panel").IsVisibleAsync());
        await Page.GetByTestId("api-client-name").FillAsync("web-shop");
        await Page.GetByTestId("api-client-create-submit").ClickAsync();
        var key = await Page.GetByTestId("api-key-value").InputValueAsync();
        await Page.GetByTestId("api-key-done").ClickAsync();
        await Expect(Page.GetByTestId("api-key-dialog")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await Get(http, key)).StatusCode);

        var repContext = await App.NewContextAsync();
        var repPage = await repContext.NewPageAsync();
        await new LoginPage(repPage).SubmitAsync(RepEmail, RepPassword, goToForm: true);
        await Expect(repPage).ToHaveURLAsync(PortalShell.UrlFor("rep"));

        await Page.GotoAsync("admin/users");
        await shell.WaitForInteractiveAsync();
        await PortalShell.ClickUntilAsync(Page.GetByTestId($"user-disable-{RepEmail}"), async () => await Page.GetByTestId("confirm-dialog").IsVisibleAsync());
        await Page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(Page.GetByTestId($"user-status-{RepEmail}")).ToHaveTextAsync("Disabled");

        await Page.GotoAsync("admin/api-clients");
        await shell.WaitForInteractiveAsync();
        await PortalShell.ClickUntilAsync(Page.GetByTestId("api-client-revoke-web-shop"), async () => await Page.GetByTestId("confirm-dialog").IsVisibleAsync());
        await Page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(Page.GetByText("web-shop is revoked.")).ToBeVisibleAsync();

        using var refused = await Get(http, key);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        await repPage.GotoAsync("rep");
        await Expect(repPage).ToHaveURLAsync(LoginPage.Url);
        await repContext.DisposeAsync();
    });

    private static async Task<HttpResponseMessage> Get(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/catalog/products");
        request.Headers.Add("X-Api-Key", key);
        return await http.SendAsync(request);
    }
}
