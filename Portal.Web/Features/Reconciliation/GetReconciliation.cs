using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;
using AuditRules = Portal.Domain.Audit.Reconciliation;
using Portal.Web.Common;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// One China business day across the three tiers: expected, actual, matched, unmatched and variance per tier,
/// the day's status (Open while anything of it is on the worklist, Balanced when not, Closed once closed), the
/// worklist up to that day with age and suggestions, and the variances waiting for a second person.
/// </summary>
public static class GetReconciliation
{
    [AuthorizeRequest(Roles.Finance, Roles.Integration)]
    public sealed record Query(DateOnly Day) : IRequest<Report>;

    public sealed record Report(DateOnly Date, ReconciliationStatus Status, IReadOnlyList<Tier> Tiers, IReadOnlyList<Work> Worklist, IReadOnlyList<Pending> Approvals);

    public sealed record Tier(int Number, decimal Expected, decimal Actual, decimal Matched, decimal Unmatched, decimal Variance);

    public sealed record Work(
        int Tier, string Scope, string Kind, string Key, decimal Amount, DateOnly Date, int AgeDays, IReadOnlyList<string> Suggestions, string? Note);

    public sealed record Pending(Guid Key, int Tier, DateOnly Day, string Subject, decimal Amount, string Reason, string RaisedBy, string? CountedBy);

    internal sealed class Handler(PortalDbContext db, IClock clock) : IRequestHandler<Query, Report>
    {
        public async Task<Report> Handle(Query request, CancellationToken cancellationToken)
        {
            var today = ChinaTime.Today(clock.UtcNow);
            var books = await AuditBooks.LoadAsync(db, request.Day.AddDays(-AuditBooks.WindowDays * 3), request.Day.AddDays(AuditBooks.WindowDays), cancellationToken);
            var work = Worklist(books, request.Day, today);
            var waiting = await db.AuditVariances.AsNoTracking()
                .Where(v => v.Status == VarianceStatus.AwaitingApproval)
                .OrderBy(v => v.RaisedAtUtc)
                .Select(v => new { v.Key, v.Tier, v.Day, v.Subject, v.Amount, v.Reason, v.RaisedBy, v.CountedBy })
                .ToListAsync(cancellationToken);
            // The tier is stored by name: numbered here, not in SQL.
            var name = await PeopleNames.NamerAsync(db, waiting.SelectMany(v => new[] { v.RaisedBy, v.CountedBy }), cancellationToken);
            var approvals = waiting.Select(v => new Pending(v.Key, (int)v.Tier, v.Day, v.Subject, v.Amount.Amount, v.Reason, name(v.RaisedBy)!, name(v.CountedBy))).ToList();
            var closed = new PeriodLock(await db.ClosedPeriods.AsNoTracking().ToListAsync(cancellationToken)).IsClosed(request.Day);
            var openToday = work.Count(w => w.Date == request.Day) + approvals.Count(p => p.Day == request.Day);
            return new Report(
                request.Day,
                AuditRules.Status(openToday, closed),
                [.. books.Summaries(request.Day).Select(TierOf)],
                work,
                approvals);
        }
    }

    /// <summary>What stops <paramref name="day"/> from closing: its own worklist items and its variances awaiting approval.</summary>
    internal static async Task<int> OpenItemsAsync(PortalDbContext db, DateOnly day, DateTime nowUtc, CancellationToken ct)
    {
        var books = await AuditBooks.LoadAsync(db, day.AddDays(-AuditBooks.WindowDays), day.AddDays(AuditBooks.WindowDays), ct);
        var waiting = await db.AuditVariances.CountAsync(v => v.Day == day && v.Status == VarianceStatus.AwaitingApproval, ct);
        return Worklist(books, day, ChinaTime.Today(nowUtc)).Count(w => w.Date == day) + waiting;
    }

    internal static Tier TierOf(TierSummary t) =>
        new((int)t.Tier, t.Expected.Amount, t.Actual.Amount, t.Matched.Amount, t.Unmatched.Amount, t.Variance.Amount);

    internal static List<Work> Worklist(AuditBooks books, DateOnly upTo, DateOnly today)
    {
        var scopeOf = books.Scopes.SelectMany(s => s.Expected.Concat(s.Actual).Select(i => (i.Key, s.Name))).GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return [.. books.Worklist(upTo, today)
            .OrderByDescending(w => w.AgeDays).ThenByDescending(w => Math.Abs(w.Amount.Amount))
            .Select(w => new Work(
                (int)w.Tier, w.Kind == WorkItemKind.Variance ? "handover" : scopeOf.GetValueOrDefault(w.Key, ScopeOfMatch(books, w.Key)),
                w.Kind.ToString(), w.Key, w.Amount.Amount, w.Date, w.AgeDays, w.Suggestions, w.Note))];
    }

    private static string ScopeOfMatch(AuditBooks books, string matchKey) =>
        books.Books.FirstOrDefault(b => b.Value.Matches.Any(m => m.Key.ToString() == matchKey)).Key ?? "";
}
