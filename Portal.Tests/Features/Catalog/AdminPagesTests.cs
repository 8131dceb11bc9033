using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Catalog;

public sealed class AdminPagesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Theory]
    [InlineData("/admin", "admin-link-catalog")]
    [InlineData("/admin/catalog", "catalog-new")]
    [InlineData("/admin/policies", "policy-new")]
    [InlineData("/admin/stock", "stock-receive-open")]
    [InlineData("/admin/outbox", "outbox-state-failed")]
    [InlineData("/admin/audit", "audit-search")]
    public async Task Admin_pages_render_with_the_demo_data(string path, string testId)
    {
        using var client = Host.CreateClient();
        await PortalHost.SignInAsync(client, "admin@portal.local");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-testid=\"{testId}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_landing_links_to_catalog_policies_and_stock()
    {
        using var client = Host.CreateClient();
        await PortalHost.SignInAsync(client, "admin@portal.local");

        var page = await client.GetStringAsync("/admin");

        Assert.Contains("href=\"/admin/catalog\"", page);
        Assert.Contains("href=\"/admin/policies\"", page);
        Assert.Contains("href=\"/admin/stock\"", page);
    }

    [Theory]
    [InlineData("/admin/catalog")]
    [InlineData("/admin/policies")]
    [InlineData("/admin/stock")]
    [InlineData("/admin/outbox")]
    public async Task A_rep_is_turned_away_from_admin_pages(string path)
    {
        using var client = Host.CreateClient();
        await PortalHost.SignInAsync(client, "rep@portal.local");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", PortalHost.RedirectPath(response));
    }
}
