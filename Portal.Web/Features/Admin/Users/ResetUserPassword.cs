using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>Sets a new password chosen by the administrator; the user's open sessions end (new security stamp).</summary>
public static class ResetUserPassword
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string? UserId, string? NewPassword) : ICommand<MediatR.Unit>
    {
        public override string ToString() => $"ResetUserPassword {{ UserId = {UserId} }}";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Password is required.").OverridePropertyName("Password");
    }

    internal sealed class Handler(UserManager<PortalUser> users) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await UserAdministration.Find(users, request.UserId);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            UserAdministration.Check(await users.ResetPasswordAsync(user, token, request.NewPassword!));
            UserAdministration.Check(await users.SetLockoutEndDateAsync(user, user.IsDisabled ? DateTimeOffset.MaxValue : null));
            return MediatR.Unit.Value;
        }
    }
}
