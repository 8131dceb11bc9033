using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Web.Common.Security;

namespace Portal.Web.Common;

/// <summary>
/// Sends a request in a fresh DI scope carrying the given user. A Blazor circuit's scope lives for hours,
/// so a DbContext must never be taken from it: every request gets its own scope and context.
/// </summary>
public sealed class ScopedSender(IServiceScopeFactory scopes)
{
    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        ((CurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>()).Set(user);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return await mediator.Send(request, cancellationToken);
    }
}

/// <summary>What components inject: sends as the circuit's signed-in user.</summary>
public sealed class UiSender(ScopedSender sender, AuthenticationStateProvider authentication)
{
    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return await sender.Send(request, state.User, cancellationToken);
    }
}
