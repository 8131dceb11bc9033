using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Tests.Infrastructure;
using Portal.Web.Common;

namespace Portal.Tests.Components;

/// <summary>
/// A bUnit context whose components send through the real pipeline of a running portal (real SQLite), as the given
/// user: component logic is tested against real rules, not mocks.
/// </summary>
public sealed class PortalComponentContext : BunitContext
{
    public PortalComponentContext(PortalHost host, ClaimsPrincipal user)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddMudServices();
        Services.AddSingleton(host.Services.GetRequiredService<ScopedSender>());
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(user));
        Services.AddScoped<UiSender>();
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
