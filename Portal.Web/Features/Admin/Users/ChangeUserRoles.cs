using FluentValidation;
using Portal.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>
/// Replaces a user's roles; the new security stamp makes the change count from the user's next request. The portal
/// always keeps an enabled administrator: the last one cannot give up the Admin role.
/// </summary>
public static class ChangeUserRoles
{
    [AuthorizeRequest(Infrastructure.Identity.Roles.Admin)]
    /// <param name="ShownRoles">The roles the administrator saw; another administrator's change in between is reported, not overridden.</param>
    public sealed record Command(string? UserId, IReadOnlyList<string>? Roles, IReadOnlyList<string>? ShownRoles = null) : ICommand<MediatR.Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty();
            RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the user at least one role.");
            RuleForEach(c => UserAdministration.NormaliseRoles(c.Roles)).Must(r => Infrastructure.Identity.Roles.Staff.Contains(r))
                .OverridePropertyName("Roles")
                .WithMessage($"Role must be one of {string.Join(", ", Infrastructure.Identity.Roles.Staff)}.");
        }
    }

    internal sealed class Handler(UserManager<PortalUser> users, ICurrentUser current) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await UserAdministration.Find(users, request.UserId);
            var wanted = UserAdministration.NormaliseRoles(request.Roles);
            var present = await users.GetRolesAsync(user);
            if (request.ShownRoles is { } shown && !shown.ToHashSet().SetEquals(present))
            {
                throw new Common.Errors.ConcurrencyConflictException(
                    $"The roles of {user.Email} were changed by someone else in the meantime. Close this and check them again.");
            }
            if (present.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin)
                && !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => u.Id != user.Id && !u.IsDisabled))
            {
                throw new DomainException(
                    "user.last_admin",
                    current.UserId == user.Id
                        ? "You are the last administrator: give another user the Admin role before removing your own."
                        : "This is the last administrator: give another user the Admin role first.");
            }

            UserAdministration.Check(await users.RemoveFromRolesAsync(user, present.Except(wanted)));
            UserAdministration.Check(await users.AddToRolesAsync(user, wanted.Except(present)));
            UserAdministration.Check(await users.UpdateSecurityStampAsync(user));
            return MediatR.Unit.Value;
        }
    }
}
