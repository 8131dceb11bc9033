using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.ApiClients;

/// <summary>Replaces the API areas a client may call; its next call is checked against the new scopes.</summary>
public static class ChangeApiClientScopes
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(int Id, IReadOnlyList<string>? Scopes) : ICommand<MediatR.Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Scopes).NotEmpty().WithMessage("Give the client at least one scope.");
            RuleForEach(c => c.Scopes).Must(s => ApiScopes.All.Contains(s))
                .WithMessage($"Scope must be one of {string.Join(", ", ApiScopes.All)}.");
        }
    }

    internal sealed class Handler(PortalDbContext db) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("API client");
            if (!client.IsActive)
            {
                throw new DomainException("api_client.revoked", "A revoked client keeps its scopes; create a new client instead.");
            }

            client.ChangeScopes(request.Scopes!);
            return MediatR.Unit.Value;
        }
    }
}
