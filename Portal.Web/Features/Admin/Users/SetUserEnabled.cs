using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>
/// Disables or re-enables an account. Disabling locks it for good and changes its security stamp, so the user's
/// next request, page load or circuit action is refused, not the next one after a cookie refresh.
/// </summary>
public static class SetUserEnabled
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string? UserId, bool Enabled) : ICommand<MediatR.Unit>;

    internal sealed class Handler(UserManager<PortalUser> users, ICurrentUser current) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await UserAdministration.Find(users, request.UserId);
            if (!request.Enabled)
            {
                UserAdministration.RefuseSelf(current, user.Id, "disable");
            }

            user.IsDisabled = !request.Enabled;
            UserAdministration.Check(await users.SetLockoutEnabledAsync(user, true));
            UserAdministration.Check(await users.SetLockoutEndDateAsync(user, request.Enabled ? null : DateTimeOffset.MaxValue));
            UserAdministration.Check(await users.ResetAccessFailedCountAsync(user));
            UserAdministration.Check(await users.UpdateSecurityStampAsync(user));
            return MediatR.Unit.Value;
        }
    }
}
