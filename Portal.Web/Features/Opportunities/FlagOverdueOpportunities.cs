using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Jobs;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Opportunities;

/// <summary>
/// The stale-opportunity sweep: records, once per opportunity, the moment it broke the contact promise (open,
/// never contacted, registered more than <see cref="OpportunityOptions.ContactWithinHours"/> ago), and tells the
/// supervisors' log who holds it. The overdue queue itself stays computed live; this keeps the fact and its time.
/// </summary>
public static class FlagOverdueOpportunities
{
    private const int BatchSize = 200;

    [AuthorizeRequest(Roles.System)]
    public sealed record Command : ICommand<IReadOnlyList<string>>;

    internal sealed class Handler(PortalDbContext db, IClock clock, IOptions<OpportunityOptions> options, ILogger<Handler> logger)
        : IRequestHandler<Command, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var contactWithin = options.Value.ContactWithin;
            var registeredBefore = now - contactWithin;
            var stale = await db.Opportunities
                .Where(o => o.OverdueFlaggedAtUtc == null
                    && (o.Status == OpportunityStatus.New || o.Status == OpportunityStatus.Claimed)
                    && o.CreatedAtUtc < registeredBefore
                    && !o.ContactAttempts.Any())
                .OrderBy(o => o.CreatedAtUtc)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            foreach (var opportunity in stale)
            {
                opportunity.FlagOverdue(now, contactWithin);
                logger.LogWarning(
                    "Opportunity {Opportunity} is overdue: registered {RegisteredAtUtc:u}, not contacted, {Holder}",
                    opportunity.Number, opportunity.CreatedAtUtc, opportunity.ClaimedBy is { } by ? $"claimed by {by}" : "unclaimed");
            }

            return stale.Select(o => o.Number).ToList();
        }
    }
}

/// <summary>Runs <see cref="FlagOverdueOpportunities"/> on one node at a time.</summary>
internal sealed class StaleOpportunitySweep(
    ScopedSender sender, JobLeases leases, TimeProvider time, IOptions<OpportunityOptions> options, ILogger<StaleOpportunitySweep> logger)
    : LeasedJob(leases, time, logger)
{
    protected override string Name => "stale-opportunity-sweep";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SweepEveryMinutes);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        sender.Send(new FlagOverdueOpportunities.Command(), SystemPrincipal.For(Name), cancellationToken);
}
