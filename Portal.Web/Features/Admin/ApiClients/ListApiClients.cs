using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.ApiClients;

/// <summary>Integration clients with scopes and state, one page at a time, for /admin/api-clients; keys are never listed.</summary>
public static class ListApiClients
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Query(ListRequest? Page = null) : IRequest<ListPage<Row>>;

    public sealed record Row(int Id, string Name, string Scopes, bool IsActive, DateTime CreatedAtUtc, DateTime? RotatedAtUtc, DateTime? RevokedAtUtc);

    public static SortColumns<ApiClient> Sort { get; } = new SortColumns<ApiClient>()
        .Add(nameof(Row.Name), c => c.Name)
        .Add(nameof(Row.IsActive), c => c.IsActive)
        .Add(nameof(Row.CreatedAtUtc), c => c.CreatedAtUtc);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, ListPage<Row>>
    {
        public async Task<ListPage<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = request.Page ?? new ListRequest();
            return await Sort.Apply(db.ApiClients.AsNoTracking(), page, q => q.OrderBy(c => c.Name), nameof(Row.Name))
                .Select(c => new Row(c.Id, c.Name, c.Scopes, c.IsActive, c.CreatedAtUtc, c.RotatedAtUtc, c.RevokedAtUtc))
                .ToListPageAsync(page, cancellationToken);
        }
    }
}
