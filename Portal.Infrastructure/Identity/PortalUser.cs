using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>A person who signs in to the portal. Roles come from ASP.NET Core Identity.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
