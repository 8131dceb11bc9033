using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Handover;

/// <summary>The signed-in courier's handovers of the last two weeks, those waiting for their signature first.</summary>
public static class GetMyHandovers
{
    public const int Days = 14;

    [AuthorizeRequest(Roles.Courier)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Key, DateOnly Day, string Station, decimal Expected, decimal Counted, decimal Variance, bool Signed, bool Disputed);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var since = ChinaTime.Today(clock.UtcNow).AddDays(-Days);
            var handovers = await db.CashHandovers.AsNoTracking()
                .Where(h => h.Courier == user.Name && h.Day >= since)
                .ToListAsync(cancellationToken);
            return [.. handovers
                .OrderBy(h => h.IsSigned).ThenByDescending(h => h.Day)
                .Select(h => new Row(h.Key, h.Day, h.Station, h.ExpectedCash.Amount, h.CountedCash.Amount, h.CashVariance.Amount, h.IsSigned, h.IsDisputed))];
        }
    }
}
