using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>A person who signs in to the portal. Roles come from ASP.NET Core Identity.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// Switched off by an administrator. A disabled account is also locked out for good, so every check that
    /// refuses a locked-out user refuses it too; unlocking does not bring it back, only enabling does.
    /// </summary>
    public bool IsDisabled { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }
}
