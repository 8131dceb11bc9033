using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.KeyMoments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.KeyMoments;

/// <summary>
/// The rep's queue of key moments: open tasks and tasks being worked, VIP first, then 4-star+, then the rest; within a
/// tier by priority, then oldest first. A task whose every offer the customer declined within the quiet period stays
/// out of the queue until the period ends.
/// </summary>
public static class ListRepTasks
{
    public const int MaxRows = 200;

    [AuthorizeRequest(Roles.Rep, Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(
        long Id,
        string CustomerName,
        string MaskedPhone,
        CustomerTier Tier,
        string RuleCode,
        string RuleNameEn,
        string RuleNameZh,
        int Priority,
        string Evidence,
        DateTime CreatedAtUtc,
        RepTaskStatus Status,
        string? ClaimedBy,
        bool Mine);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, IOptions<KeyMomentOptions> options)
        : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var rules = await db.KeyMomentRules.AsNoTracking().ToDictionaryAsync(r => r.Code, r => (r.NameEn, r.NameZh), cancellationToken);
            var tasks = await db.RepTasks.AsNoTracking().Where(t => t.Status != RepTaskStatus.Closed).ToListAsync(cancellationToken);
            var suppressed = await GetCustomerOutcomes.SuppressedAsync(db, QuietPeriod.Days(options.Value.QuietPeriodDays), now, null, cancellationToken);

            var name = await PeopleNames.NamerAsync(db, tasks.Select(t => t.ClaimedBy), cancellationToken);
            return tasks
                .Where(t => t.ClaimedBy == user.Actor || !t.OfferCodes.All(code => suppressed.Contains((t.Phone, code))))
                .OrderBy(t => RepTask.TierRank(t.Tier)).ThenBy(t => t.Priority).ThenBy(t => t.CreatedAtUtc).ThenBy(t => t.Id)
                .Take(MaxRows)
                .Select(t =>
                {
                    var (en, zh) = rules.GetValueOrDefault(t.RuleCode, (t.RuleCode, t.RuleCode));
                    return new Row(t.Id, t.CustomerName, t.Phone.Masked, t.Tier, t.RuleCode, en, zh, t.Priority, t.Evidence, t.CreatedAtUtc, t.Status, name(t.ClaimedBy), t.ClaimedBy == user.Actor);
                })
                .ToList();
        }
    }
}
