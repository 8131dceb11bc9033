using System.Security.Claims;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Common.Security;

/// <summary>Who is sending the request being handled; set once per request scope by <see cref="ScopedSender"/>.</summary>
public interface ICurrentUser
{
    ClaimsPrincipal Principal { get; }
    bool IsAuthenticated { get; }
    string? UserId { get; }

    /// <summary>The sign-in name (e-mail for staff, client name for integrations): for matching a courier's login and for logs.</summary>
    string Name { get; }

    /// <summary>
    /// Who is written into timelines, claims and audit entries: a person's user id (pages show their current display
    /// name, so a rename reaches every record), an integration's client name, or "system:&lt;job&gt;".
    /// </summary>
    string Actor { get; }

    bool IsInRole(string role);
}

internal sealed class CurrentUser : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal { get; private set; } = Anonymous;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => Principal.Identity?.Name ?? "anonymous";

    public string Actor => IsIntegration || UserId is null ? Name : UserId;

    public bool IsIntegration => Principal.IsInRole(Roles.Integration);

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public void Set(ClaimsPrincipal principal) => Principal = principal;
}
