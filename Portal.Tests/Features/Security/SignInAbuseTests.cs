using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Identity;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Security;

/// <summary>What a guesser meets at the sign-in form, and what a stolen cookie is worth after sign-out.</summary>
public sealed class SignInAbuseTests
{
    [Fact]
    public async Task The_eleventh_sign_in_attempt_in_a_minute_from_one_address_gets_429()
    {
        await using var host = await PortalHost.StartAsync(configure: b => b.Configuration["SignIn:AttemptsPerMinute"] = "10");
        using var client = host.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            responses.Add(await PortalHost.SignInAsync(client, $"guess{i}@portal.local", "Wrong-Pass-1"));
        }

        Assert.All(responses.Take(10), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[10].StatusCode);
        var page = await responses[10].Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts from this address", page);
        Assert.DoesNotContain("Page not found", page);
    }

    [Fact]
    public async Task An_unknown_account_costs_a_password_hash_and_gets_the_same_answer_as_a_wrong_password()
    {
        var hasher = new CountingHasher();
        await using var host = await PortalHost.StartAsync(configure: b => b.Services.AddSingleton<IPasswordHasher<PortalUser>>(hasher));
        using var client = host.CreateClient();

        var known = await PortalHost.SignInAsync(client, "rep@portal.local", "Wrong-Pass-1");
        var afterKnown = hasher.Verifications;
        var unknown = await PortalHost.SignInAsync(client, "nobody-here@portal.local", "Wrong-Pass-1");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(1, afterKnown);
        Assert.Equal(2, hasher.Verifications);
        Assert.Contains("The email or password is incorrect.", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_sign_out_the_old_cookie_is_refused()
    {
        await using var host = await PortalHost.StartAsync();
        using var client = host.CreateClient();
        var signIn = await PortalHost.SignInAsync(client, "backoffice@portal.local");
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/backoffice")).StatusCode);

        await client.PostAsync("/Account/Logout", null);

        using var thief = host.CreateClient();
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/backoffice");
        replay.Headers.Add("Cookie", cookie);
        var response = await thief.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", PortalHost.RedirectPath(response));
    }

    [Fact]
    public async Task A_role_change_counts_from_the_users_next_request()
    {
        await using var host = await PortalHost.StartAsync();
        using var client = host.CreateClient();
        await PortalHost.SignInAsync(client, "cashier@portal.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cashier")).StatusCode);
        var admin = await host.PrincipalFor("admin@portal.local");
        var cashier = (await host.Send(new Web.Features.Admin.Users.ListUsers.Query("cashier@portal.local"), admin)).Items.Single(u => u.Email == "cashier@portal.local");

        await host.Send(new Web.Features.Admin.Users.ChangeUserRoles.Command(cashier.UserId, ["Finance"]), admin);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/cashier")).StatusCode);
    }

    private sealed class CountingHasher : PasswordHasher<PortalUser>
    {
        private int _verifications;

        public int Verifications => _verifications;

        public override PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
