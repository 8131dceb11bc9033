using System.Globalization;
using System.Text;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Audit;

/// <summary>
/// One place to answer "who did what, when": accesses to personal data (with their reasons) and the state changes the
/// portal already records — order, opportunity and delivery timelines and ledger postings — filtered by user, by
/// customer (their phone number) and by China-time period, newest first.
/// </summary>
public static class AuditTrail
{
    public const int MaxRows = 500;

    [AuthorizeRequest(Roles.Admin)]
    /// <summary>The customer by phone (people type it) or by id (links carry it, so no phone number sits in a URL or a log).</summary>
    public sealed record Query(string? User, string? CustomerPhone, DateOnly? From, DateOnly? To, long? CustomerId = null) : IRequest<Result>;

    /// <summary><see cref="CustomerId"/> is the customer the filter named, for links to this same result.</summary>
    public sealed record Result(IReadOnlyList<Entry> Entries, bool Truncated, long? CustomerId = null);

    /// <summary><see cref="Kind"/>: PersonalData, Order, Opportunity, Delivery or Ledger; <see cref="Subject"/> the record it concerns.</summary>
    public sealed record Entry(DateTime AtUtc, string User, string Kind, string Subject, long? CustomerId, string What, string? Reason);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.User).MaximumLength(100).WithMessage("The user must be at most 100 characters.");
            RuleFor(q => q.CustomerPhone).Must(p => string.IsNullOrWhiteSpace(p) || Msisdn.TryParse(p, out _, out _))
                .WithMessage("Enter the customer's 11-digit mobile number.");
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithMessage("The period ends before it starts.");
        }
    }

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var from = request.From is { } f ? ChinaTime.StartOfDayUtc(f) : DateTime.MinValue;
            var to = request.To is { } t ? ChinaTime.StartOfDayUtc(t.AddDays(1)) : DateTime.MaxValue;
            var user = string.IsNullOrWhiteSpace(request.User) ? null : await PeopleNames.ActorOfAsync(db, request.User, cancellationToken);
            var customerId = request.CustomerId;
            if (!string.IsNullOrWhiteSpace(request.CustomerPhone))
            {
                var phone = Msisdn.Parse(request.CustomerPhone);
                customerId = await db.Customers.Where(c => c.Phone == phone).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
                if (customerId is null)
                {
                    return new Result([], false);
                }
            }

            var entries = new List<Entry>();
            entries.AddRange(await PersonalData(from, to, user, customerId, cancellationToken));
            entries.AddRange(await Orders(from, to, user, customerId, cancellationToken));
            entries.AddRange(await Opportunities(from, to, user, customerId, cancellationToken));
            entries.AddRange(await Deliveries(from, to, user, customerId, cancellationToken));
            if (customerId is null)
            {
                entries.AddRange(await Ledger(from, to, user, cancellationToken));
            }

            var newestFirst = entries.OrderByDescending(e => e.AtUtc).Take(MaxRows + 1).ToList();
            var name = await PeopleNames.NamerAsync(db, newestFirst.Select(e => e.User), cancellationToken);
            return new Result(newestFirst.Take(MaxRows).Select(e => e with { User = name(e.User)! }).ToList(), newestFirst.Count > MaxRows, customerId);
        }

        private async Task<List<Entry>> PersonalData(DateTime from, DateTime to, string? user, long? customerId, CancellationToken ct)
        {
            var rows = await db.PersonalDataAccesses.AsNoTracking()
                .Where(a => a.AtUtc >= from && a.AtUtc < to && (user == null || a.Actor == user) && (customerId == null || a.CustomerId == customerId))
                .OrderByDescending(a => a.AtUtc).Take(MaxRows + 1)
                .Select(a => new { a.AtUtc, a.Actor, a.Action, a.Context, a.CustomerId, a.Reason })
                .ToListAsync(ct);
            return rows.Select(a => new Entry(a.AtUtc, a.Actor, "PersonalData", a.Context ?? $"#{a.CustomerId}", a.CustomerId, a.Action.ToString(), a.Reason)).ToList();
        }

        private async Task<List<Entry>> Orders(DateTime from, DateTime to, string? user, long? customerId, CancellationToken ct)
        {
            // Owned timeline rows are reached through their record (SQLite has no APPLY for a flattening SelectMany).
            var records = await db.Orders.AsNoTracking()
                .Where(o => customerId == null || o.CustomerId == customerId)
                .Where(o => o.Timeline.Any(e => e.AtUtc >= from && e.AtUtc < to && (user == null || e.Actor == user)))
                .OrderByDescending(o => o.Id).Take(MaxRows + 1)
                .Select(o => new { o.Number, o.CustomerId, Entries = o.Timeline.Where(e => e.AtUtc >= from && e.AtUtc < to && (user == null || e.Actor == user)).ToList() })
                .ToListAsync(ct);
            var rows = records.SelectMany(o => o.Entries.Select(e => new { o.Number, o.CustomerId, e.AtUtc, e.Actor, e.FromStatus, e.ToStatus, e.Reason })).ToList();
            return rows.Select(e => new Entry(e.AtUtc, e.Actor, "Order", e.Number, e.CustomerId, Move(e.FromStatus?.ToString(), e.ToStatus.ToString()), e.Reason)).ToList();
        }

        private async Task<List<Entry>> Opportunities(DateTime from, DateTime to, string? user, long? customerId, CancellationToken ct)
        {
            var records = await db.Opportunities.AsNoTracking()
                .Where(o => customerId == null || o.CustomerId == customerId)
                .Where(o => o.Timeline.Any(e => e.AtUtc >= from && e.AtUtc < to && (user == null || e.Actor == user)))
                .OrderByDescending(o => o.Id).Take(MaxRows + 1)
                .Select(o => new { o.Number, o.CustomerId, Entries = o.Timeline.Where(e => e.AtUtc >= from && e.AtUtc < to && (user == null || e.Actor == user)).ToList() })
                .ToListAsync(ct);
            var rows = records.SelectMany(o => o.Entries.Select(e => new { o.Number, o.CustomerId, e.AtUtc, e.Actor, e.FromStatus, e.ToStatus, e.Reason })).ToList();
            return rows.Select(e => new Entry(e.AtUtc, e.Actor, "Opportunity", e.Number, e.CustomerId, Move(e.FromStatus?.ToString(), e.ToStatus.ToString()), e.Reason)).ToList();
        }

        private async Task<List<Entry>> Deliveries(DateTime from, DateTime to, string? user, long? customerId, CancellationToken ct)
        {
            var ofCustomer = db.Orders.Where(o => o.CustomerId == customerId).Select(o => o.Number);
            var records = await db.Deliveries.AsNoTracking()
                .Where(d => customerId == null || ofCustomer.Contains(d.OrderNumber))
                .Where(d => d.Timeline.Any(e => e.AtUtc >= from && e.AtUtc < to && (user == null || e.Actor == user)))
                .OrderByDescending(d => d.Id).Take(MaxRows + 1)
                .Select(d => new { d.OrderNumber, Entries = d.Timeline.Where(e => e.AtUtc >= from && e.AtUtc < to && (user == null || e.Actor == user)).ToList() })
                .ToListAsync(ct);
            var rows = records.SelectMany(d => d.Entries.Select(e => new { d.OrderNumber, e.AtUtc, e.Actor, e.FromStatus, e.ToStatus, e.Note })).ToList();
            return rows.Select(e => new Entry(e.AtUtc, e.Actor, "Delivery", e.OrderNumber, customerId, Move(e.FromStatus?.ToString(), e.ToStatus.ToString()), e.Note)).ToList();
        }

        private async Task<List<Entry>> Ledger(DateTime from, DateTime to, string? user, CancellationToken ct)
        {
            var rows = await db.LedgerTransactions.AsNoTracking()
                .Where(t => t.PostedAtUtc >= from && t.PostedAtUtc < to && (user == null || t.PostedBy == user))
                .OrderByDescending(t => t.PostedAtUtc).Take(MaxRows + 1)
                .Select(t => new { t.PostedAtUtc, t.PostedBy, t.Kind, t.SourceReference, t.Description })
                .ToListAsync(ct);
            return rows.Select(t => new Entry(t.PostedAtUtc, t.PostedBy, "Ledger", t.SourceReference, null, t.Kind.ToString(), t.Description)).ToList();
        }

        private static string Move(string? from, string to) => from is null ? to : $"{from} → {to}";
    }

    /// <summary>
    /// The trail as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese right). A cell that a spreadsheet
    /// would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe.
    /// </summary>
    public static byte[] ToCsv(IEnumerable<Entry> entries)
    {
        var csv = new StringBuilder("At (UTC),User,Kind,Subject,Customer,What,Reason\r\n");
        foreach (var e in entries)
        {
            csv.AppendJoin(',', new[]
            {
                e.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.User, e.Kind, e.Subject,
                e.CustomerId?.ToString(CultureInfo.InvariantCulture) ?? "", e.What, e.Reason ?? "",
            }.Select(Cell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
