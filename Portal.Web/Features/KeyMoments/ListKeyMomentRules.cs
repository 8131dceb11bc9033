using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Customers;
using Portal.Domain.KeyMoments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.KeyMoments;

public static class ListKeyMomentRules
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(
        string Code, KeyMomentKind Kind, string NameEn, string NameZh, string ScriptEn, string ScriptZh, int Threshold, int? BeforeDay, int Priority,
        IReadOnlyList<string> OfferCodes, IReadOnlyList<CustomerTier> Tiers, bool IsActive, int Version);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.KeyMomentRules.AsNoTracking().OrderBy(r => r.Priority).ThenBy(r => r.Code).ToListAsync(cancellationToken))
                .Select(r => new Row(r.Code, r.Kind, r.NameEn, r.NameZh, r.ScriptEn, r.ScriptZh, r.Threshold, r.BeforeDay, r.Priority, r.OfferCodes, r.Tiers, r.IsActive, r.Version))
                .ToList();
    }
}
