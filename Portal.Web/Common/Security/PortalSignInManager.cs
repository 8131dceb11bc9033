using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Common.Security;

/// <summary>
/// Sign-in as Identity does it, plus: an unknown e-mail costs the same password hash as a known one (so timing does
/// not tell which accounts exist), a disabled account cannot sign in, and each sign-in is recorded for the admin.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    TimeProvider time)
    : SignInManager<PortalUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly PortalUser Nobody = new() { UserName = "nobody" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<PortalUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName) ?? await UserManager.FindByEmailAsync(userName);
        if (user is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(Nobody, DummyHash.Value, password ?? "");
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<bool> CanSignInAsync(PortalUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        user.LastSignInAtUtc = time.GetUtcNow().UtcDateTime;
        await UserManager.UpdateAsync(user);
    }
}
