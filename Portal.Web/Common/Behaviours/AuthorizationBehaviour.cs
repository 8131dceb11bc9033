using System.Reflection;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Common.Behaviours;

/// <summary>
/// Checks the roles a request names against the database, not the cookie: a user who is locked out, whose
/// security stamp changed or whose role was removed is refused on the very next request.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(
    ICurrentUser user,
    PortalDbContext db,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider time)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var type = typeof(TRequest);
        if (type.GetCustomAttribute<AllowAnonymousRequestAttribute>() is not null)
        {
            return await next();
        }

        var required = type.GetCustomAttribute<AuthorizeRequestAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} declares no [AuthorizeRequest] or [AllowAnonymousRequest].");

        if (!user.IsAuthenticated)
        {
            throw new UnauthenticatedRequestException();
        }

        var roles = SystemPrincipal.IsSystem(user.Principal) ? [Roles.System]
            : user.IsInRole(Roles.Integration) ? [Roles.Integration]
            : await CurrentStaffRoles(cancellationToken) ?? throw new UnauthenticatedRequestException();

        if (required.Roles.Count > 0 && !required.Roles.Any(roles.Contains))
        {
            throw new ForbiddenRequestException(type.Name);
        }

        return await next();
    }

    private async Task<IReadOnlyList<string>?> CurrentStaffRoles(CancellationToken cancellationToken)
    {
        var stampClaim = user.Principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.UserId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null || account.SecurityStamp != stampClaim || account.LockoutEnd > time.GetUtcNow())
        {
            return null;
        }

        return await (from userRole in db.UserRoles
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where userRole.UserId == user.UserId
                      select role.Name!).ToListAsync(cancellationToken);
    }
}
