using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.KeyMoments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Localization;
using Portal.Web.Common.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.KeyMoments;

/// <summary>One task as the rep works it: the moment, the script, and the rule's offers checked against the policy rules and the quiet period.</summary>
public static class GetRepTask
{
    [AuthorizeRequest(Roles.Rep, Roles.Supervisor, Roles.Admin)]
    public sealed record Query(long TaskId) : IRequest<Detail>;

    public sealed record Detail(
        long Id,
        string CustomerName,
        string Phone,
        CustomerTier Tier,
        string? CurrentPlan,
        KeyMomentKind Kind,
        string RuleNameEn,
        string RuleNameZh,
        string ScriptEn,
        string ScriptZh,
        string Evidence,
        int Priority,
        RepTaskStatus Status,
        string? ClaimedBy,
        bool Mine,
        OfferOutcomeKind? Outcome,
        string? OutcomeReason,
        string? OrderNumber,
        DateTime CreatedAtUtc,
        IReadOnlyList<SuggestedOffer> Offers);

    /// <summary>An offer the rep may make only when <see cref="IsEligible"/> and not <see cref="QuietUntilUtc"/>.</summary>
    public sealed record SuggestedOffer(string Code, string Name, string CallScript, bool IsEligible, string? Reason, DateTime? QuietUntilUtc)
    {
        public bool CanOffer => IsEligible && QuietUntilUtc is null;
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, ServerText text, IOptions<KeyMomentOptions> options)
        : IRequestHandler<Query, Detail>
    {
        public async Task<Detail> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var task = await db.RepTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TaskId, cancellationToken)
                ?? throw new NotFoundException($"Task {request.TaskId}");
            var rule = await db.KeyMomentRules.AsNoTracking().FirstAsync(r => r.Code == task.RuleCode, cancellationToken);
            var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == task.CustomerId, cancellationToken);
            var codes = task.OfferCodes.ToList();
            var policies = await db.Policies.AsNoTracking().Where(p => codes.Contains(p.Code)).ToListAsync(cancellationToken);
            var history = await db.OfferOutcomes.AsNoTracking().Where(o => o.Phone == task.Phone && codes.Contains(o.OfferCode))
                .Select(o => new { o.OfferCode, o.Kind, o.RecordedAtUtc }).ToListAsync(cancellationToken);
            var quiet = QuietPeriod.Days(options.Value.QuietPeriodDays);

            var offers = codes.Select(code =>
            {
                var until = quiet.SuppressedUntil(history.Select(h => (h.OfferCode, h.Kind, h.RecordedAtUtc)), code, now);
                if (policies.FirstOrDefault(p => p.Code == code) is not { } policy)
                {
                    return new SuggestedOffer(code, code, "", false, text.Say("This offer is no longer in the catalog."), until);
                }

                var eligibility = policy.CheckEligibility(customer.Profile, now);
                return new SuggestedOffer(code, policy.Name, policy.CallScript, eligibility.IsEligible, eligibility.Why is { } why ? text.Say(why) : null, until);
            }).ToList();

            var name = await PeopleNames.NamerAsync(db, [task.ClaimedBy], cancellationToken);
            return new Detail(
                task.Id, task.CustomerName, task.Phone.Value, task.Tier, customer.CurrentPlanSku, rule.Kind, rule.NameEn, rule.NameZh, rule.ScriptEn, rule.ScriptZh,
                task.Evidence, task.Priority, task.Status, name(task.ClaimedBy), task.ClaimedBy == user.Actor, task.Outcome, task.OutcomeReason, task.OrderNumber,
                task.CreatedAtUtc, offers);
        }
    }
}
