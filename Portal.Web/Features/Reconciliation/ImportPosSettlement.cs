using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common.Telemetry;
using Portal.Web.Features.Payments;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// Tier 2: the acquirer's settlement file. Each slip settled (terminal, batch, reference) is kept once; each new
/// batch posts its net to the bank and its fees to fees, out of POS clearing; the slips are matched to the POS
/// payments couriers recorded. A file with any bad row is refused whole.
/// </summary>
public static class ImportPosSettlement
{
    [AuthorizeRequest(Roles.Finance, Roles.Cashier, Roles.Integration)]
    public sealed record Command(string FileName, byte[] Content) : ICommand<ImportResult>, IStatementFile;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => StatementFile.Rules(this);
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, PortalMetrics metrics) : IRequestHandler<Command, ImportResult>
    {
        public async Task<ImportResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = Guid.NewGuid();
            var parsed = StatementFiles.ParseSettlementCsv(request.Content, key);
            StatementFile.RefuseIfBad(parsed.Errors);

            var batches = parsed.Rows.Select(r => r.BatchNo).Distinct().ToList();
            var seen = (await db.PosSettlementLines.Where(l => batches.Contains(l.BatchNo))
                    .Select(l => new { l.TerminalId, l.BatchNo, l.Reference }).ToListAsync(cancellationToken))
                .Select(l => (l.TerminalId, l.BatchNo, l.Reference)).ToHashSet();
            var fresh = parsed.Rows.Where(r => seen.Add((r.TerminalId, r.BatchNo, r.Reference))).ToList();
            var now = clock.UtcNow;
            db.PosSettlementLines.AddRange(fresh);
            foreach (var batch in fresh.GroupBy(r => (r.TerminalId, r.BatchNo)))
            {
                var gross = batch.Aggregate(Money.Zero, (sum, l) => sum + l.Amount);
                var fee = batch.Aggregate(Money.Zero, (sum, l) => sum + l.Fee);
                await db.PostOnceAsync(Postings.PosSettled($"{Cut(batch.Key.TerminalId, 20)}/{Cut(batch.Key.BatchNo, 30)}/{key:N}", gross, fee, user.Actor, now), cancellationToken);
            }

            db.AuditImports.Add(AuditImport.Accept(
                key, ImportKind.PosSettlement, request.FileName, StatementFiles.Hash(request.Content), parsed.Rows.Count, parsed.Rows.Count - fresh.Count, user.Actor, now));
            foreach (var day in fresh.Select(r => r.SettlementDate).Distinct())
            {
                await db.SaveChangesAsync(cancellationToken);
                await AuditBooks.MatchAroundAsync(db, metrics, day, now, cancellationToken);
            }

            return new ImportResult(key, parsed.Rows.Count, parsed.Rows.Count - fresh.Count, []);
        }

        private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
    }
}
