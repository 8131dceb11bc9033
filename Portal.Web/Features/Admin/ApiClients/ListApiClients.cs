using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.ApiClients;

/// <summary>Integration clients with scopes and state, for /admin/api-clients; keys are never listed.</summary>
public static class ListApiClients
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(int Id, string Name, string Scopes, bool IsActive, DateTime CreatedAtUtc, DateTime? RotatedAtUtc, DateTime? RevokedAtUtc);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.ApiClients.AsNoTracking()
                .OrderBy(c => c.Name)
                .Select(c => new Row(c.Id, c.Name, c.Scopes, c.IsActive, c.CreatedAtUtc, c.RotatedAtUtc, c.RevokedAtUtc))
                .ToListAsync(cancellationToken);
    }
}
