using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>Replaces a user's roles; the new security stamp makes the change count from the user's next request.</summary>
public static class ChangeUserRoles
{
    [AuthorizeRequest(Infrastructure.Identity.Roles.Admin)]
    public sealed record Command(string? UserId, IReadOnlyList<string>? Roles) : ICommand<MediatR.Unit>;

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
            if (current.UserId == user.Id && !wanted.Contains(Roles.Admin))
            {
                UserAdministration.RefuseSelf(current, user.Id, "remove the Admin role from");
            }

            var present = await users.GetRolesAsync(user);
            UserAdministration.Check(await users.RemoveFromRolesAsync(user, present.Except(wanted)));
            UserAdministration.Check(await users.AddToRolesAsync(user, wanted.Except(present)));
            UserAdministration.Check(await users.UpdateSecurityStampAsync(user));
            return MediatR.Unit.Value;
        }
    }
}
