using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Security;

/// <summary>Headers every response carries, cookies over HTTPS, and who may claim to be a proxy.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/api/v1/me")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var host = await PortalHost.StartAsync();
        using var client = host.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        var scriptSources = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSources);
        Assert.DoesNotContain("unsafe-eval", scriptSources);
    }

    [Fact]
    public async Task The_sign_in_page_has_no_inline_script_the_policy_would_block()
    {
        await using var host = await PortalHost.StartAsync();
        using var client = host.CreateClient();

        var page = await client.GetStringAsync("/Account/Login");

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", page);
        Assert.DoesNotContain(" onclick=", page);
    }

    [Fact]
    public async Task Over_https_in_production_the_cookies_are_secure_and_hsts_is_sent()
    {
        await using var host = await PortalHost.StartAsync("Production");
        using var client = host.CreateClient();
        client.BaseAddress = new Uri("https://portal.example.com");

        var page = await client.GetAsync("/Account/Login");

        Assert.Contains("max-age=", Header(page, "Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unconfigured_proxy_are_ignored()
    {
        await using var host = await PortalHost.StartAsync();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var page = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var issued = page.Headers.GetValues("Set-Cookie").Where(c => !c.Contains("1970", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(issued);
        Assert.All(issued, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");
}
