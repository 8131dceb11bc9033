using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Web.Common.Behaviours;
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
        if (AmbientUnitOfWork.Current is { } running)
        {
            return await SendWithin(running, request, user, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        ((CurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>()).Set(user);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return await mediator.Send(request, cancellationToken);
    }

    /// <summary>Inside a running command: same scope and transaction, as the given user for this request only.</summary>
    private static async Task<TResponse> SendWithin<TResponse>(IServiceProvider scope, IRequest<TResponse> request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var current = (CurrentUser)scope.GetRequiredService<ICurrentUser>();
        var outer = current.Principal;
        current.Set(user);
        try
        {
            return await scope.GetRequiredService<IMediator>().Send(request, cancellationToken);
        }
        finally
        {
            current.Set(outer);
        }
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
