using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Payments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.Payments;

/// <summary>Refunds above the limit that wait for a second person, oldest first; the reader's own requests are marked.</summary>
public static class ListRefundApprovals
{
    [AuthorizeRequest(Roles.BackOffice, Roles.Finance)]
    public sealed record Query : IRequest<IReadOnlyList<Waiting>>;

    public sealed record Waiting(
        Guid PaymentId, Guid RefundId, string OrderNumber, string Channel, decimal Captured, decimal Amount, string Reason, string RequestedBy,
        DateTime RequestedAtUtc, bool RequestedByMe);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Waiting>>
    {
        public async Task<IReadOnlyList<Waiting>> Handle(Query request, CancellationToken cancellationToken)
        {
            var payments = await db.Payments.AsNoTracking()
                .Where(p => p.Refunds.Any(r => r.Status == RefundStatus.AwaitingApproval))
                .ToListAsync(cancellationToken);
            var name = await PeopleNames.NamerAsync(db, payments.SelectMany(p => p.Refunds.Select(r => r.RequestedBy)), cancellationToken);
            return [.. payments
                .SelectMany(p => p.Refunds.Where(r => r.Status == RefundStatus.AwaitingApproval), (p, r) => new Waiting(
                    p.Key, r.Key, p.OrderNumber, p.Channel.ToString(), p.Captured.Amount, r.Amount.Amount, r.Reason, name(r.RequestedBy)!, r.RequestedAtUtc,
                    r.RequestedBy == user.Actor))
                .OrderBy(w => w.RequestedAtUtc)];
        }
    }
}
