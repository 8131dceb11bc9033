using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Opportunities;

/// <summary>
/// The back office's queue of open appointments (New and Claimed), oldest first, one page at a time, with the size
/// of each queue for the same search.
/// </summary>
public static class ListOpportunities
{
    public enum Queue
    {
        New,
        Mine,
        Overdue,
        AllOpen,
    }

    [AuthorizeRequest(Roles.BackOffice)]
    public sealed record Query(Queue Queue = Queue.AllOpen, string? Search = null, ListRequest? Page = null) : IRequest<Result>;

    /// <summary><see cref="Counts"/> are for the same search, so the tabs say where a match is.</summary>
    public sealed record Result(ListPage<Row> Page, QueueCounts Counts);

    public sealed record QueueCounts(int New, int Mine, int Overdue, int AllOpen);

    public sealed record Row(
        string Number,
        string CustomerName,
        string MaskedPhone,
        DateTime PreferredAtUtc,
        ContactChannel Channel,
        OpportunityStatus Status,
        string? ClaimedBy,
        int ContactAttempts,
        bool IsOverdue,
        TimeSpan Age);

    /// <summary>Sortable by the row's own column names; Age sorts by when the appointment was registered.</summary>
    public static SortColumns<Opportunity> Sort { get; } = new SortColumns<Opportunity>()
        .Add(nameof(Row.Number), o => o.Number)
        .Add(nameof(Row.CustomerName), o => o.CustomerName)
        .Add(nameof(Row.PreferredAtUtc), o => o.PreferredAtUtc)
        .Add(nameof(Row.Status), o => o.Status)
        .Add(nameof(Row.ContactAttempts), o => o.ContactAttempts.Count)
        .Add(nameof(Row.Age), o => o.CreatedAtUtc, reversed: true);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Queue).IsInEnum().WithMessage("Queue must be New, Mine, Overdue or All open.");
            RuleFor(q => q.Search).MaximumLength(50).WithMessage("Search must be at most 50 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, IOptions<OpportunityOptions> options)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            // Opportunity.IsOverdue in terms the database can count: nobody has tried to reach the customer in time.
            var overdueBefore = now - options.Value.ContactWithin;
            var open = Matching(db.Opportunities.AsNoTracking()
                .Where(o => o.Status == OpportunityStatus.New || o.Status == OpportunityStatus.Claimed), request.Search);

            var counts = new QueueCounts(
                await InQueue(open, Queue.New, overdueBefore).CountAsync(cancellationToken),
                await InQueue(open, Queue.Mine, overdueBefore).CountAsync(cancellationToken),
                await InQueue(open, Queue.Overdue, overdueBefore).CountAsync(cancellationToken),
                await open.CountAsync(cancellationToken));

            var page = request.Page ?? new ListRequest();
            var rows = await Sort.Apply(InQueue(open, request.Queue, overdueBefore), page, OldestFirst, nameof(Row.Number))
                .Skip(page.Skip).Take(page.Size)
                .Select(o => new
                {
                    o.Number,
                    o.CustomerName,
                    o.Phone,
                    o.PreferredAtUtc,
                    o.PreferredChannel,
                    o.Status,
                    o.ClaimedBy,
                    Attempts = o.ContactAttempts.Count,
                    o.CreatedAtUtc,
                })
                .ToListAsync(cancellationToken);
            var name = await PeopleNames.NamerAsync(db, rows.Select(o => o.ClaimedBy), cancellationToken);

            var total = request.Queue switch
            {
                Queue.New => counts.New,
                Queue.Mine => counts.Mine,
                Queue.Overdue => counts.Overdue,
                _ => counts.AllOpen,
            };
            return new Result(
                new ListPage<Row>(rows.Select(o => new Row(
                        o.Number,
                        o.CustomerName,
                        o.Phone.Masked,
                        DateTime.SpecifyKind(o.PreferredAtUtc, DateTimeKind.Utc),
                        o.PreferredChannel,
                        o.Status,
                        name(o.ClaimedBy),
                        o.Attempts,
                        o.Attempts == 0 && o.CreatedAtUtc < overdueBefore,
                        now - o.CreatedAtUtc))
                    .ToList(),
                    total),
                counts);
        }

        private static IOrderedQueryable<Opportunity> OldestFirst(IQueryable<Opportunity> query) =>
            query.OrderBy(o => o.CreatedAtUtc).ThenBy(o => o.Number);

        private IQueryable<Opportunity> InQueue(IQueryable<Opportunity> open, Queue queue, DateTime overdueBefore) => queue switch
        {
            Queue.New => open.Where(o => o.Status == OpportunityStatus.New),
            Queue.Mine => open.Where(o => o.Status == OpportunityStatus.Claimed && o.ClaimedBy == user.Actor),
            Queue.Overdue => open.Where(o => o.ContactAttempts.Count == 0 && o.CreatedAtUtc < overdueBefore),
            _ => open,
        };

        private static IQueryable<Opportunity> Matching(IQueryable<Opportunity> opportunities, string? search)
        {
            var term = search?.Trim();
            if (string.IsNullOrEmpty(term))
            {
                return opportunities;
            }

            var upper = term.ToUpperInvariant();
            var digits = term.Replace(" ", string.Empty).Replace("-", string.Empty);
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            {
                // The phone column holds the bare eleven digits; comparing it as text needs no value conversion.
                return opportunities.Where(o => o.Number.Contains(upper) || o.CustomerName.Contains(term) || ((string)(object)o.Phone).Contains(digits));
            }

            return opportunities.Where(o => o.Number.Contains(upper) || o.CustomerName.ToUpper().Contains(upper));
        }
    }
}
