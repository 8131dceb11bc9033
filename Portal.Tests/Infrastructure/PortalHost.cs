using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Web;
using Portal.Web.Common;
using Portal.Web.Common.Outbox;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal (same composition root as Program.cs) on the real HTTP pipeline in memory, against its own
/// database — a SQLite file, or a fresh database on the test run's PostgreSQL cluster — migrated and seeded with the
/// demo accounts exactly as the run command does.
/// </summary>
public sealed partial class PortalHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    private PortalHost(WebApplication app, TestDatabase database, bool ownsDatabase, PiiGuard piiGuard)
    {
        App = app;
        PiiGuard = piiGuard;
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    public WebApplication App { get; }

    /// <summary>What this portal logged or traced that looked like personal data; checked when the portal stops.</summary>
    public PiiGuard PiiGuard { get; }

    /// <summary>Pass it to a second host to restart the portal on the same database, or to run a second node on it.</summary>
    public TestDatabase Database => _database;

    public DatabaseProvider Engine => _database.Provider;

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Starts the portal on <paramref name="engine"/>, or on the engine the run asks for (see <see cref="TestDatabase"/>).
    /// Outbox messages are delivered only when a test calls <see cref="DeliverOutboxAsync"/>, so tests see each
    /// delivery pass happen, not a race with the background worker. A host started on another host's
    /// <paramref name="database"/> leaves it for its owner to drop.
    /// </summary>
    public static async Task<PortalHost> StartAsync(
        string environment = "Development",
        Action<WebApplicationBuilder>? configure = null,
        DatabaseProvider? engine = null,
        TestDatabase? database = null)
    {
        var ownsDatabase = database is null;
        database ??= await TestDatabase.CreateAsync(engine ?? TestDatabase.DefaultEngine);
        var piiGuard = new PiiGuard();
        var app = PortalApp.Build(
            new WebApplicationOptions
            {
                EnvironmentName = environment,
                ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            },
            builder =>
            {
                builder.WebHost.UseTestServer();
                database.Apply(builder.Configuration);
                builder.Configuration["Outbox:RunInBackground"] = "false";
                builder.Configuration["Demo:DeliveryDay"] = "false"; // tests create the deliveries they look at
                builder.Configuration["SignIn:AttemptsPerMinute"] = "10000"; // tests that sign in often share one address
                builder.Configuration["Documents:StartBrowserOnStartup"] = "false"; // only the tests that print start Chromium
                builder.Configuration["Documents:PrePrintManifests"] = "false"; // nor print manifests ahead of a request
                builder.Configuration["Demo:DeliveryHistoryDays"] = "0"; // tests make their own deliveries; the KPI tests ask for history
                builder.Configuration["Audit:StripePayouts:FetchEveryMinutes"] = "0"; // tests fetch payouts themselves
                builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
                piiGuard.Attach(builder);
                configure?.Invoke(builder);
            });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            if (ownsDatabase)
            {
                await database.DisposeAsync();
            }

            throw;
        }

        return new PortalHost(app, database, ownsDatabase, piiGuard);
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateClient()
    {
        var handler = new CookieContainerHandler { InnerHandler = App.GetTestServer().CreateHandler() };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
    }

    public HttpClient CreateApiClient(string? apiKey = DemoAccounts.IntakeKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Signs in through the real sign-in form (antiforgery token included) and returns the response.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = DemoAccounts.Password) =>
        SignInAsync(client, client, email, password);

    /// <summary>Signs in with the form (and its antiforgery token) served by one node, posted to another.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient formFrom, HttpClient client, string email, string password = DemoAccounts.Password)
    {
        var page = await formFrom.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    /// <summary>Where a redirect points, as a local path and query ("http://localhost/x?y" and "/x?y" both give "/x?y").</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} is not a redirect");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The principal the sign-in cookie would carry for a user, for sending requests in slice tests.</summary>
    public async Task<ClaimsPrincipal> PrincipalFor(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return await signIn.CreateUserPrincipalAsync(user);
    }

    /// <summary>The user id that timelines, claims and audit entries record for a person.</summary>
    public Task<string> UserIdOf(string email) =>
        WithDb(db => db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync());

    public Task<TResponse> Send<TResponse>(MediatR.IRequest<TResponse> request, ClaimsPrincipal user) =>
        Services.GetRequiredService<ScopedSender>().Send(request, user);

    public async Task<T> WithDb<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async Task WithUsers(Func<UserManager<PortalUser>, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    /// <summary>One delivery pass of the outbox worker, as a node runs it; returns how many messages it handled.</summary>
    public Task<int> DeliverOutboxAsync() => Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        if (PiiGuard.Findings.Count > 0)
        {
            throw new InvalidOperationException("The portal logged or traced personal data:\n" + string.Join("\n", PiiGuard.Findings.Take(20)));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    internal static partial Regex AntiforgeryToken();
}

/// <summary>One portal shared by the tests of a class; each test creates its own data.</summary>
public sealed class PortalHostFixture : PortalHostFixtureBase;

public abstract class PortalHostFixtureBase : IAsyncLifetime
{
    public PortalHost Host { get; private set; } = default!;

    public async Task InitializeAsync() => Host = await PortalHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
