using System.Net;
using Portal.Infrastructure.Identity;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Security;

public sealed class SignInTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    public static TheoryData<string, string> DemoUsers => new()
    {
        { "admin@portal.local", "/admin" },
        { "rep@portal.local", "/rep" },
        { "backoffice@portal.local", "/backoffice" },
        { "dispatcher@portal.local", "/dispatch" },
        { "courier@portal.local", "/courier" },
        { "cashier@portal.local", "/cashier" },
        { "finance@portal.local", "/finance" },
    };

    private static readonly string[] AllAreas = ["/admin", "/rep", "/backoffice", "/dispatch", "/courier", "/cashier", "/finance"];

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = Host.CreateClient();

        var response = await client.GetAsync("/rep");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", PortalHost.RedirectPath(response));
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_demo_user_reaches_its_own_area_and_no_other(string email, string ownArea)
    {
        using var client = Host.CreateClient();

        var signIn = await PortalHost.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var own = await client.GetAsync(ownArea);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        foreach (var other in AllAreas.Where(a => a != ownArea))
        {
            var response = await client.GetAsync(other);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", PortalHost.RedirectPath(response));
        }
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        using var client = Host.CreateClient();

        var response = await PortalHost.SignInAsync(client, "rep@portal.local", "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is incorrect.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/rep")).StatusCode);
    }

    [Fact]
    public async Task Refused_sign_in_does_not_send_the_typed_password_back_to_the_browser()
    {
        using var client = Host.CreateClient();

        var response = await PortalHost.SignInAsync(client, "rep@portal.local", "Typed-Secret-42");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email or password is incorrect.", page);
        Assert.DoesNotContain("Typed-Secret-42", page);
        Assert.Contains("value=\"rep@portal.local\"", page); // the e-mail is kept so only the password is retyped
    }

    [Fact]
    public async Task Lockout_page_does_not_promise_an_unlock_nobody_can_give()
    {
        using var client = Host.CreateClient();

        var page = await client.GetStringAsync("/Account/Lockout");

        Assert.Contains("try again later", page);
        Assert.DoesNotContain("administrator", page);
    }

    [Fact]
    public async Task The_blazor_script_the_sign_in_page_loads_is_served_to_anonymous_visitors()
    {
        using var client = Host.CreateClient();
        var page = await client.GetStringAsync("/Account/Login");
        var scripts = System.Text.RegularExpressions.Regex.Matches(page, "<script src=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.Contains(scripts, s => s.StartsWith("_framework/blazor.web", StringComparison.Ordinal));
        foreach (var script in scripts)
        {
            var response = await client.GetAsync("/" + script);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script} answered {(int)response.StatusCode}");
            Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_typed_unknown_address_shows_the_portals_not_found_page()
    {
        using var client = Host.CreateClient();
        await PortalHost.SignInAsync(client, "rep@portal.local");

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", page);
        Assert.Contains("Go to your start page", page);
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        const string email = "lockout-victim@portal.local";
        await Host.WithUsers(async users =>
        {
            var user = new PortalUser { UserName = email, Email = email, DisplayName = "Victim", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Demo!2345")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Rep);
        });
        using var client = Host.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await PortalHost.SignInAsync(client, email, "wrong-password");
        }

        var response = await PortalHost.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Lockout", PortalHost.RedirectPath(response));
    }

    [Fact]
    public async Task Sign_in_page_renders_in_simplified_chinese_when_chosen()
    {
        using var client = Host.CreateClient();

        var switched = await client.GetAsync("/culture?culture=zh-CN&returnUrl=/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var page = await client.GetStringAsync("/Account/Login");

        Assert.Contains("<html lang=\"zh-CN\">", page);
        Assert.Contains("电子邮箱", page);
        Assert.Contains("流动营业厅", page);
    }

    [Fact]
    public async Task Language_switch_refuses_an_external_return_url()
    {
        using var client = Host.CreateClient();

        var response = await client.GetAsync("/culture?culture=en&returnUrl=//evil.example/x");

        Assert.Equal("/", PortalHost.RedirectPath(response));
    }

    [Fact]
    public async Task Sign_in_follows_only_local_return_urls()
    {
        using var client = Host.CreateClient();
        var page = await client.GetStringAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = "rep@portal.local",
            ["Input.Password"] = "Demo!2345",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", PortalHost.RedirectPath(response));
    }
}
