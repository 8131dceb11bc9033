using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Security;
using Portal.Web.Features.Reconciliation;

namespace Portal.Web.Features.Handover;

/// <summary>
/// One handover as its courier sees it before signing: what the system expected, what the cashier counted, the
/// difference and its reason. Another courier's handover and an unknown id both answer "not found".
/// </summary>
public static class GetMyHandover
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Query(Guid Key) : IRequest<Detail>;

    public sealed record Detail(
        Guid Key, DateOnly Day, string Station, string CountedBy, DateTime CountedAtUtc, decimal ExpectedCash, decimal CountedCash, decimal Variance,
        decimal ExpectedPos, IReadOnlyList<string> MissingSlips, string? Reason, string? VarianceStatus, DateTime? SignedAtUtc, string? Dispute);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Detail>
    {
        public async Task<Detail> Handle(Query request, CancellationToken cancellationToken)
        {
            var h = await db.CashHandovers.AsNoTracking().FirstOrDefaultAsync(h => h.Key == request.Key && h.Courier == user.Name, cancellationToken)
                ?? throw new NotFoundException("Handover");
            var subject = AuditBooks.Subject(h.Key);
            var variance = (await db.AuditVariances.AsNoTracking().Where(v => v.Subject == subject)
                    .Select(v => new { v.Id, v.Reason, v.Status }).ToListAsync(cancellationToken))
                .MaxBy(v => v.Id);
            var countedBy = (await PeopleNames.NamerAsync(db, [h.CountedBy], cancellationToken))(h.CountedBy) ?? h.CountedBy;
            return new Detail(
                h.Key, h.Day, h.Station, countedBy, h.CountedAtUtc, h.ExpectedCash.Amount, h.CountedCash.Amount, h.CashVariance.Amount, h.ExpectedPos.Amount,
                h.MissingSlips, variance?.Reason, variance?.Status.ToString(), h.CourierSignedAtUtc, h.CourierDisputeNote);
        }
    }
}
