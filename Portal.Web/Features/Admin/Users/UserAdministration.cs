using Microsoft.AspNetCore.Identity;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>What the user commands share: finding the account and turning Identity's refusals into field errors.</summary>
internal static class UserAdministration
{
    public static async Task<PortalUser> Find(UserManager<PortalUser> users, string? userId) =>
        await users.FindByIdAsync(userId ?? "") ?? throw new NotFoundException("User");

    public static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        throw new RequestValidationException(result.Errors
            .GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Code is "DuplicateEmail" or "DuplicateUserName" ? "A user with this email already exists." : e.Description).Distinct().ToArray()));
    }

    public static void RefuseSelf(ICurrentUser user, string? userId, string what)
    {
        if (user.UserId == userId)
        {
            throw new DomainException("user.self", $"You cannot {what} your own account; ask another administrator.");
        }
    }

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
        _ => "User",
    };

    public static IReadOnlyList<string> NormaliseRoles(IEnumerable<string>? roles) =>
        (roles ?? []).Select(r => Roles.Staff.FirstOrDefault(s => string.Equals(s, r?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? r?.Trim() ?? "")
            .Distinct()
            .ToList();
}
