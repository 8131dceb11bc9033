using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>An administrator (or the `users add` command, as the system) creates a staff account with its roles.</summary>
public static class CreateUser
{
    [AuthorizeRequest(Infrastructure.Identity.Roles.Admin, Infrastructure.Identity.Roles.System)]
    public sealed record Command(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? Password) : ICommand<Result>
    {
        /// <summary>Never written to logs or problem details.</summary>
        public override string ToString() => $"CreateUser {{ Email = {Email}, Roles = {string.Join(",", Roles ?? [])} }}";
    }

    public sealed record Result(string UserId, string Email);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Email is required.")
                .EmailAddress().WithMessage("Enter a valid email address.")
                .MaximumLength(256);
            RuleFor(c => c.DisplayName).MaximumLength(100).WithMessage("Display name must be at most 100 characters.");
            RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the user at least one role.");
            RuleForEach(c => UserAdministration.NormaliseRoles(c.Roles)).Must(r => Infrastructure.Identity.Roles.Staff.Contains(r))
                .OverridePropertyName("Roles")
                .WithMessage($"Role must be one of {string.Join(", ", Infrastructure.Identity.Roles.Staff)}.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Password is required.");
        }
    }

    internal sealed class Handler(UserManager<PortalUser> users) : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var email = request.Email!.Trim();
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim(),
                LockoutEnabled = true,
            };
            UserAdministration.Check(await users.CreateAsync(user, request.Password!));
            UserAdministration.Check(await users.AddToRolesAsync(user, UserAdministration.NormaliseRoles(request.Roles)));
            return new Result(user.Id, email);
        }
    }
}
