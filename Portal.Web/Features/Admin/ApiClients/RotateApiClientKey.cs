using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.ApiClients;

/// <summary>Issues a new key for a client; the old key is refused from its next call.</summary>
public static class RotateApiClientKey
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(int Id) : ICommand<CreateApiClient.Result>;

    internal sealed class Handler(PortalDbContext db, TimeProvider time) : MediatR.IRequestHandler<Command, CreateApiClient.Result>
    {
        public async Task<CreateApiClient.Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("API client");
            if (!client.IsActive)
            {
                throw new DomainException("api_client.revoked", "A revoked client cannot get a new key; create a new client.");
            }

            var key = ApiClient.NewKey();
            client.Rotate(key, time.GetUtcNow().UtcDateTime);
            return new CreateApiClient.Result(client.Id, client.Name, key);
        }
    }
}
