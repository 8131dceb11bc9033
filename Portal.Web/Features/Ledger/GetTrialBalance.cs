using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Ledger;

/// <summary>
/// Every account's debits, credits and balance up to the end of a China business day, replayed from the entries
/// (balances are never stored). Total debit always equals total credit.
/// </summary>
public static class GetTrialBalance
{
    [AuthorizeRequest(Roles.Finance, Roles.Integration)]
    public sealed record Query(DateOnly Date) : IRequest<TrialBalance>;

    public sealed record TrialBalance(DateOnly Date, IReadOnlyList<AccountLine> Accounts, decimal TotalDebit, decimal TotalCredit);

    public sealed record AccountLine(string Code, string Name, decimal Debit, decimal Credit, decimal Balance);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, TrialBalance>
    {
        public async Task<TrialBalance> Handle(Query request, CancellationToken cancellationToken)
        {
            var endUtc = ChinaTime.StartOfDayUtc(request.Date.AddDays(1));
            // Money is summed here, not in SQL: SQLite has no decimal arithmetic, and the sum must be exact.
            var entries = await db.LedgerTransactions.AsNoTracking()
                .Where(t => t.PostedAtUtc < endUtc)
                .SelectMany(t => t.Entries)
                .ToListAsync(cancellationToken);
            var balances = AccountBalances.Replay(entries);
            return new TrialBalance(
                request.Date,
                [.. balances.Accounts.Select(a => new AccountLine(
                    a.Code, ChartOfAccounts.Describe(a.Code).Name, a.Debit.Amount, a.Credit.Amount, a.Balance.Amount))],
                balances.TotalDebit.Amount,
                balances.TotalCredit.Amount);
        }
    }
}
