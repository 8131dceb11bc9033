using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;
using AuditRules = Portal.Domain.Audit.Reconciliation;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// The reconciliation report over a period of China business days: per day and for the whole period, each tier's
/// expected, actual, matched, unmatched and variance, the day's status, and how old the open items are.
/// </summary>
public static class GetReconciliationReport
{
    public const int MaxDays = 92;

    /// <summary>The age brackets of open items, in days since the money moved.</summary>
    public static readonly IReadOnlyList<(int From, int To)> AgeBrackets = [(0, 2), (3, 7), (8, 14), (15, 30), (31, int.MaxValue)];

    [AuthorizeRequest(Roles.Finance)]
    public sealed record Query(DateOnly From, DateOnly To) : IRequest<Report>;

    public sealed record Report(DateOnly From, DateOnly To, IReadOnlyList<GetReconciliation.Tier> Totals, IReadOnlyList<DayLine> Days, IReadOnlyList<AgeLine> Ageing, IReadOnlyList<OpenItem> Open);

    public sealed record DayLine(DateOnly Date, ReconciliationStatus Status, IReadOnlyList<GetReconciliation.Tier> Tiers)
    {
        public decimal Variance => Tiers.Sum(t => t.Variance);
    }

    /// <summary>Open items whose age falls in [FromDays, ToDays] (ToDays null: older).</summary>
    public sealed record AgeLine(int FromDays, int? ToDays, int Items, decimal Amount);

    /// <summary>An item still on the worklist; a bank line names who paid (as the bank wrote it).</summary>
    public sealed record OpenItem(int Tier, string Kind, string Key, DateOnly Date, int AgeDays, decimal Amount, string? Counterparty);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The end of the period comes after its start.");
            RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber < MaxDays).WithMessage($"A report covers at most {MaxDays} days.");
        }
    }

    internal sealed class Handler(PortalDbContext db, IClock clock) : IRequestHandler<Query, Report>
    {
        public async Task<Report> Handle(Query request, CancellationToken cancellationToken)
        {
            var today = ChinaTime.Today(clock.UtcNow);
            var books = await AuditBooks.LoadAsync(
                db, request.From.AddDays(-AuditBooks.WindowDays * 3), request.To.AddDays(AuditBooks.WindowDays), cancellationToken);
            var work = GetReconciliation.Worklist(books, request.To, today).Where(w => w.Date >= request.From).ToList();
            var waiting = await db.AuditVariances.AsNoTracking()
                .Where(v => v.Status == VarianceStatus.AwaitingApproval && v.Day >= request.From && v.Day <= request.To)
                .Select(v => v.Day).ToListAsync(cancellationToken);
            var periods = new PeriodLock(await db.ClosedPeriods.AsNoTracking().ToListAsync(cancellationToken));

            var days = new List<DayLine>();
            for (var day = request.From; day <= request.To; day = day.AddDays(1))
            {
                var openOnDay = work.Count(w => w.Date == day) + waiting.Count(d => d == day);
                days.Add(new DayLine(day, AuditRules.Status(openOnDay, periods.IsClosed(day)), [.. books.Summaries(day).Select(GetReconciliation.TierOf)]));
            }

            var totals = days.SelectMany(d => d.Tiers).GroupBy(t => t.Number).OrderBy(g => g.Key)
                .Select(g => new GetReconciliation.Tier(g.Key, g.Sum(t => t.Expected), g.Sum(t => t.Actual), g.Sum(t => t.Matched), g.Sum(t => t.Unmatched), g.Sum(t => t.Variance)))
                .ToList();
            var ageing = AgeBrackets.Select(b =>
            {
                var inBracket = work.Where(w => w.AgeDays >= b.From && w.AgeDays <= b.To).ToList();
                return new AgeLine(b.From, b.To == int.MaxValue ? null : b.To, inBracket.Count, inBracket.Sum(w => Math.Abs(w.Amount)));
            }).ToList();
            var lineIds = work.Where(w => w.Key.StartsWith("bank:", StringComparison.Ordinal)).Select(w => w.Key["bank:".Length..]).ToList();
            var counterparties = await db.BankStatementLines.AsNoTracking().Where(l => lineIds.Contains(l.LineId))
                .Select(l => new { l.LineId, l.Counterparty }).ToDictionaryAsync(l => "bank:" + l.LineId, l => l.Counterparty, cancellationToken);
            var open = work.OrderBy(w => w.Date).ThenBy(w => w.Key, StringComparer.Ordinal)
                .Select(w => new OpenItem(w.Tier, w.Kind, w.Key, w.Date, w.AgeDays, w.Amount, counterparties.GetValueOrDefault(w.Key))).ToList();
            return new Report(request.From, request.To, totals, days, ageing, open);
        }
    }
}
