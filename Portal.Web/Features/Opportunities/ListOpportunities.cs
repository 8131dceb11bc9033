using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Opportunities;

/// <summary>The back office's queue of open appointments (New and Claimed), oldest first, with the size of each queue.</summary>
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
    public sealed record Query(Queue Queue = Queue.AllOpen, string? Search = null) : IRequest<Result>;

    /// <summary><see cref="Counts"/> are for the same search, so the tabs say where a match is.</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, QueueCounts Counts);

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
            // Status narrows in SQL; the overdue rule is the domain's own (IsOverdue), so it runs in memory.
            var open = await db.Opportunities.AsNoTracking().AsSplitQuery()
                .Where(o => o.Status == OpportunityStatus.New || o.Status == OpportunityStatus.Claimed)
                .ToListAsync(cancellationToken);

            var now = clock.UtcNow;
            var contactWithin = options.Value.ContactWithin;
            var rows = open
                .Where(o => Matches(o, request.Search))
                .OrderBy(o => o.CreatedAtUtc).ThenBy(o => o.Number, StringComparer.Ordinal)
                .Select(o => new Row(
                    o.Number,
                    o.CustomerName,
                    o.Phone.Masked,
                    DateTime.SpecifyKind(o.PreferredAtUtc, DateTimeKind.Utc),
                    o.PreferredChannel,
                    o.Status,
                    o.ClaimedBy,
                    o.ContactAttempts.Count,
                    o.IsOverdue(now, contactWithin),
                    now - o.CreatedAtUtc))
                .ToList();

            var counts = new QueueCounts(
                rows.Count(r => InQueue(r, Queue.New)),
                rows.Count(r => InQueue(r, Queue.Mine)),
                rows.Count(r => InQueue(r, Queue.Overdue)),
                rows.Count);
            return new Result(rows.Where(r => InQueue(r, request.Queue)).ToList(), counts);
        }

        private bool InQueue(Row row, Queue queue) => queue switch
        {
            Queue.New => row.Status == OpportunityStatus.New,
            Queue.Mine => row.Status == OpportunityStatus.Claimed && row.ClaimedBy == user.Name,
            Queue.Overdue => row.IsOverdue,
            _ => true,
        };

        private static bool Matches(Opportunity opportunity, string? search)
        {
            var term = search?.Trim();
            if (string.IsNullOrEmpty(term))
            {
                return true;
            }

            var digits = term.Replace(" ", string.Empty).Replace("-", string.Empty);
            return opportunity.Number.Contains(term, StringComparison.OrdinalIgnoreCase)
                || opportunity.CustomerName.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (digits.Length > 0 && digits.All(char.IsAsciiDigit) && opportunity.Phone.Value.Contains(digits, StringComparison.Ordinal));
        }
    }
}
