using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.ApiClients;

/// <summary>Revokes a client: every key check reads the database, so its next call gets 401.</summary>
public static class RevokeApiClient
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(int Id) : ICommand<MediatR.Unit>;

    internal sealed class Handler(PortalDbContext db, TimeProvider time) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("API client");
            client.Revoke(time.GetUtcNow().UtcDateTime);
            return MediatR.Unit.Value;
        }
    }
}
