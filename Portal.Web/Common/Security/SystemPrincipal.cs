using System.Security.Claims;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Common.Security;

/// <summary>
/// The portal itself acting in the background (outbox delivery, scheduled jobs): recorded as "system:&lt;job&gt;",
/// never as a person. Only code in this process can make one: no cookie or API key carries its authentication type.
/// </summary>
public static class SystemPrincipal
{
    public const string AuthenticationType = "Portal.System";
    public const string IdPrefix = "system:";

    public static ClaimsPrincipal For(string job) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, IdPrefix + job),
            new Claim(ClaimTypes.Name, IdPrefix + job),
            new Claim(ClaimTypes.Role, Roles.System),
        ],
        AuthenticationType));

    public static bool IsSystem(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType };
}
