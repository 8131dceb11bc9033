using Microsoft.AspNetCore.Identity;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>Lifts a lockout after too many wrong passwords; a disabled account stays disabled (enable it instead).</summary>
public static class UnlockUser
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string? UserId) : ICommand<MediatR.Unit>;

    internal sealed class Handler(UserManager<PortalUser> users) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await UserAdministration.Find(users, request.UserId);
            if (user.IsDisabled)
            {
                throw new DomainException("user.disabled", "This account is disabled; enable it instead of unlocking it.");
            }

            UserAdministration.Check(await users.SetLockoutEndDateAsync(user, null));
            UserAdministration.Check(await users.ResetAccessFailedCountAsync(user));
            return MediatR.Unit.Value;
        }
    }
}
