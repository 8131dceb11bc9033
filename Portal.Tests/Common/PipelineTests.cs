using System.Collections.Concurrent;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Tests.Common;

/// <summary>The request pipeline (logging → authorization → validation → unit of work) on the real app and database.</summary>
public sealed class PipelineTests(PipelineTests.Fixture fixture) : IClassFixture<PipelineTests.Fixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Refuses_a_request_that_declares_no_roles()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Host.Send(new UndeclaredPing(), admin));

        Assert.Contains(nameof(UndeclaredPing), ex.Message);
    }

    [Fact]
    public async Task Runs_an_anonymous_request_without_a_user()
    {
        Assert.Equal("pong", await Host.Send(new AnonymousPing(), new System.Security.Claims.ClaimsPrincipal()));
    }

    [Fact]
    public async Task Refuses_an_unauthenticated_sender()
    {
        await Assert.ThrowsAsync<UnauthenticatedRequestException>(() => Host.Send(new FinanceOnlyPing(), new System.Security.Claims.ClaimsPrincipal()));
    }

    [Fact]
    public async Task Refuses_a_sender_without_the_named_role()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new FinanceOnlyPing(), rep));
    }

    [Fact]
    public async Task Refuses_an_integration_client_on_a_staff_request()
    {
        var client = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "intake"), new(System.Security.Claims.ClaimTypes.Role, Roles.Integration)], "ApiKey"));

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new FinanceOnlyPing(), client));
    }

    [Fact]
    public async Task Runs_the_request_for_a_sender_with_the_named_role()
    {
        var finance = await Host.PrincipalFor("finance@portal.local");

        Assert.Equal("pong", await Host.Send(new FinanceOnlyPing(), finance));
    }

    [Fact]
    public async Task Removing_a_role_stops_the_users_very_next_request()
    {
        var email = await NewUser(Roles.Finance);
        var principal = await Host.PrincipalFor(email);
        Assert.Equal("pong", await Host.Send(new FinanceOnlyPing(), principal));

        await Host.WithUsers(async users => await users.RemoveFromRoleAsync((await users.FindByEmailAsync(email))!, Roles.Finance));

        // Same cookie principal, still claiming Finance: the database says otherwise.
        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new FinanceOnlyPing(), principal));
    }

    [Fact]
    public async Task Locking_a_user_out_stops_their_very_next_request()
    {
        var email = await NewUser(Roles.Finance);
        var principal = await Host.PrincipalFor(email);

        await Host.WithUsers(async users => await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddDays(1)));

        await Assert.ThrowsAsync<UnauthenticatedRequestException>(() => Host.Send(new FinanceOnlyPing(), principal));
    }

    [Fact]
    public async Task Reports_every_invalid_field_and_writes_nothing()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var before = await Host.WithDb(db => db.ApiClients.CountAsync());

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new RegisterApiClient("", "short"), admin));

        Assert.Equal(["Key", "Name"], ex.Errors.Keys.Order());
        Assert.Equal("Name is required.", Assert.Single(ex.Errors["Name"]));
        Assert.Equal("Key must be at least 16 characters.", Assert.Single(ex.Errors["Key"]));
        Assert.Equal(before, await Host.WithDb(db => db.ApiClients.CountAsync()));
    }

    [Fact]
    public async Task Commits_what_a_command_writes()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var name = $"pipeline-{Guid.NewGuid():N}";

        await Host.Send(new RegisterApiClient(name, "a-long-enough-key-" + name), admin);

        Assert.True(await Host.WithDb(db => db.ApiClients.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Rolls_back_everything_a_failing_command_wrote()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var name = $"pipeline-{Guid.NewGuid():N}";

        await Assert.ThrowsAsync<InvalidOperationException>(() => Host.Send(new RegisterApiClient(name, "a-long-enough-key-" + name, FailAfterSaving: true), admin));

        Assert.False(await Host.WithDb(db => db.ApiClients.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Logs_each_request_with_its_sender_and_elapsed_time()
    {
        var finance = await Host.PrincipalFor("finance@portal.local");

        await Host.Send(new FinanceOnlyPing(), finance);

        Assert.Contains(fixture.Logs, line => line.Contains("FinanceOnlyPing") && line.Contains("finance@portal.local") && line.Contains(" ms"));
    }

    private async Task<string> NewUser(string role)
    {
        var email = $"user-{Guid.NewGuid():N}@portal.local";
        await Host.WithUsers(async users =>
        {
            var user = new PortalUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Demo!2345")).Succeeded);
            await users.AddToRoleAsync(user, role);
        });
        return email;
    }

    [AuthorizeRequest(Roles.Finance)]
    public sealed record FinanceOnlyPing : IRequest<string>;

    public sealed record UndeclaredPing : IRequest<string>;

    [AllowAnonymousRequest]
    public sealed record AnonymousPing : IRequest<string>;

    [AuthorizeRequest(Roles.Admin)]
    public sealed record RegisterApiClient(string Name, string Key, bool FailAfterSaving = false) : ICommand<int>;

    private sealed class PingHandler : IRequestHandler<FinanceOnlyPing, string>, IRequestHandler<UndeclaredPing, string>, IRequestHandler<AnonymousPing, string>
    {
        public Task<string> Handle(FinanceOnlyPing request, CancellationToken cancellationToken) => Task.FromResult("pong");
        public Task<string> Handle(UndeclaredPing request, CancellationToken cancellationToken) => Task.FromResult("pong");
        public Task<string> Handle(AnonymousPing request, CancellationToken cancellationToken) => Task.FromResult("pong");
    }

    private sealed class RegisterApiClientValidator : AbstractValidator<RegisterApiClient>
    {
        public RegisterApiClientValidator()
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("Name is required.");
            RuleFor(r => r.Key).MinimumLength(16).WithMessage("Key must be at least 16 characters.");
        }
    }

    private sealed class RegisterApiClientHandler(PortalDbContext db) : IRequestHandler<RegisterApiClient, int>
    {
        public async Task<int> Handle(RegisterApiClient request, CancellationToken cancellationToken)
        {
            var client = ApiClient.Create(request.Name, request.Key, DateTime.UtcNow);
            db.ApiClients.Add(client);
            await db.SaveChangesAsync(cancellationToken);
            if (request.FailAfterSaving)
            {
                throw new InvalidOperationException("Simulated failure after saving.");
            }

            return client.Id;
        }
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        public PortalHost Host { get; private set; } = default!;

        public async Task InitializeAsync() => Host = await PortalHost.StartAsync(configure: builder =>
        {
            builder.Logging.AddProvider(new CapturingLoggerProvider(Logs));
            builder.Logging.AddFilter<CapturingLoggerProvider>("Portal", LogLevel.Information);
            builder.Services.AddScoped<IRequestHandler<FinanceOnlyPing, string>, PingHandler>();
            builder.Services.AddScoped<IRequestHandler<UndeclaredPing, string>, PingHandler>();
            builder.Services.AddScoped<IRequestHandler<AnonymousPing, string>, PingHandler>();
            builder.Services.AddScoped<IRequestHandler<RegisterApiClient, int>, RegisterApiClientHandler>();
            builder.Services.AddScoped<IValidator<RegisterApiClient>, RegisterApiClientValidator>();
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
