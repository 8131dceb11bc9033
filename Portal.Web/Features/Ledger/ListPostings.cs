using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.Ledger;

/// <summary>
/// Ledger entries one page at a time, newest first: optionally one account (a prefix such as 1210 takes every
/// courier's cash) and a period of China business days. The CSV export reads the same filter without paging.
/// </summary>
public static class ListPostings
{
    [AuthorizeRequest(Roles.Finance)]
    public sealed record Query(string? Account = null, DateOnly? From = null, DateOnly? To = null, ListRequest? Page = null) : IRequest<ListPage<EntryRow>>;

    public sealed record EntryRow(DateTime PostedAtUtc, string Kind, string Description, string? OrderNumber, string AccountCode, decimal Debit, decimal Credit, string PostedBy)
    {
        public string AccountName => ChartOfAccounts.Describe(AccountCode).Name;
    }

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, ListPage<EntryRow>>
    {
        public async Task<ListPage<EntryRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var page = request.Page ?? new ListRequest();
            var rows = Filter(db, request);
            var total = await rows.CountAsync(cancellationToken);
            var items = await rows.Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
            var name = await PeopleNames.NamerAsync(db, items.Select(i => i.PostedBy), cancellationToken);
            return new ListPage<EntryRow>([.. items.Select(i => ToRow(i with { PostedBy = name(i.PostedBy)! }))], total);
        }
    }

    /// <summary>The filtered entries, newest first; entries of one transaction stay together.</summary>
    internal static IQueryable<Flat> Filter(PortalDbContext db, Query request)
    {
        var transactions = db.LedgerTransactions.AsNoTracking();
        if (request.From is { } from)
        {
            var fromUtc = ChinaTime.StartOfDayUtc(from);
            transactions = transactions.Where(t => t.PostedAtUtc >= fromUtc);
        }

        if (request.To is { } to)
        {
            var toUtc = ChinaTime.StartOfDayUtc(to.AddDays(1));
            transactions = transactions.Where(t => t.PostedAtUtc < toUtc);
        }

        var account = request.Account?.Trim();
        var entries = transactions.SelectMany(t => t.Entries, (t, e) => new { t, e });
        if (!string.IsNullOrEmpty(account))
        {
            entries = entries.Where(p => p.e.AccountCode == account || p.e.AccountCode.StartsWith(account + "-"));
        }

        return entries
            .OrderByDescending(p => p.t.PostedAtUtc).ThenByDescending(p => p.t.Id).ThenBy(p => p.e.AccountCode)
            .Select(p => new Flat(p.t.Id, p.t.PostedAtUtc, p.t.Kind, p.t.Description, p.t.OrderNumber, p.e.AccountCode, p.e.Debit, p.e.Credit, p.t.PostedBy));
    }

    internal static EntryRow ToRow(Flat e) =>
        new(e.PostedAtUtc, e.Kind.ToString(), e.Description, e.OrderNumber, e.AccountCode, e.Debit.Amount, e.Credit.Amount, e.PostedBy);

    internal sealed record Flat(
        long TransactionId, DateTime PostedAtUtc, LedgerTransactionKind Kind, string Description, string? OrderNumber, string AccountCode, Money Debit, Money Credit,
        string PostedBy);
}
