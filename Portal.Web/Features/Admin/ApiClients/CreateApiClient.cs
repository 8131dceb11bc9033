using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.ApiClients;

/// <summary>Creates an integration client with its scopes. The key is in the result only: the database keeps its hash.</summary>
public static class CreateApiClient
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string? Name, IReadOnlyList<string>? Scopes) : ICommand<Result>;

    /// <summary><see cref="Key"/> is shown to the administrator once and cannot be read back.</summary>
    public sealed record Result(int Id, string Name, string Key)
    {
        public override string ToString() => $"Result {{ Id = {Id}, Name = {Name} }}";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Name is required.")
                .MaximumLength(100).WithMessage("Name must be at most 100 characters.")
                .Matches("^[A-Za-z0-9._-]+$").WithMessage("Name may use letters, digits, '.', '_' and '-'.");
            RuleFor(c => c.Scopes).NotEmpty().WithMessage("Give the client at least one scope.");
            RuleForEach(c => c.Scopes).Must(s => ApiScopes.All.Contains(s))
                .WithMessage($"Scope must be one of {string.Join(", ", ApiScopes.All)}.");
        }
    }

    internal sealed class Handler(PortalDbContext db, TimeProvider time) : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var name = request.Name!.Trim();
            if (await db.ApiClients.AnyAsync(c => c.Name == name, cancellationToken))
            {
                throw RequestValidationException.For("Name", "A client with this name already exists.");
            }

            var key = ApiClient.NewKey();
            var client = ApiClient.Create(name, key, time.GetUtcNow().UtcDateTime, request.Scopes);
            db.ApiClients.Add(client);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(client.Id, client.Name, key);
        }
    }
}
