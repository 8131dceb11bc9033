using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// Money received (every channel, less refunds owed) next to revenue recognised, per China business day, from the
/// ledger: the gap is what waits for delivery (the contract liability) or was earned from earlier days' money.
/// </summary>
public static class GetRevenueByDay
{
    public const int Days = 7;

    private static readonly LedgerTransactionKind[] Kinds =
    [
        .. RevenueRecognition.Captures, LedgerTransactionKind.RefundOwed, LedgerTransactionKind.Reversal,
        LedgerTransactionKind.RevenueRecognised, LedgerTransactionKind.RevenueReversed,
    ];

    [AuthorizeRequest(Roles.Finance)]
    public sealed record Query(DateOnly To) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(DateOnly Day, decimal Received, decimal Recognised);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var from = request.To.AddDays(-(Days - 1));
            var fromUtc = ChinaTime.StartOfDayUtc(from);
            var toUtc = ChinaTime.StartOfDayUtc(request.To.AddDays(1));
            var postings = await db.LedgerTransactions.AsNoTracking()
                .Where(t => Kinds.Contains(t.Kind) && t.PostedAtUtc >= fromUtc && t.PostedAtUtc < toUtc)
                .ToListAsync(cancellationToken);
            var byDay = postings.ToLookup(t => ChinaTime.Today(t.PostedAtUtc));
            return [.. Enumerable.Range(0, Days).Select(i => request.To.AddDays(-i)).Select(day => new Row(
                day, RevenueRecognition.Received(byDay[day]).Amount, RevenueRecognition.Recognised(byDay[day]).Amount))];
        }
    }
}
