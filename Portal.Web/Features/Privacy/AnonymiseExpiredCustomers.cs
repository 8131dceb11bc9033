using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Jobs;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Privacy;

/// <summary>
/// Retention (PIPL: keep personal data no longer than needed): a customer with no open order, payment or opportunity,
/// and no activity for <see cref="RetentionOptions.Months"/>, is anonymised. A customer the portal has never done
/// business with (no order or opportunity) has no activity to date the period from and is left alone.
/// </summary>
public static class AnonymiseExpiredCustomers
{
    private const int BatchSize = 100;

    [AuthorizeRequest(Roles.System)]
    public sealed record Command : ICommand<int>;

    internal sealed class Handler(PortalDbContext db, IClock clock, IOptions<RetentionOptions> options, ICurrentUser user)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var cutoff = now.AddMonths(-options.Value.Months);
            // Some activity, and none of it since the cutoff.
            var candidates = await db.Customers
                .Where(c => db.Orders.Any(o => o.CustomerId == c.Id) || db.Opportunities.Any(o => o.CustomerId == c.Id))
                .Where(c => !db.Orders.Any(o => o.CustomerId == c.Id && (o.CreatedAtUtc > cutoff || o.Timeline.Any(e => e.AtUtc > cutoff))))
                .Where(c => !db.Opportunities.Any(o => o.CustomerId == c.Id && (o.CreatedAtUtc > cutoff || o.Timeline.Any(e => e.AtUtc > cutoff))))
                .OrderBy(c => c.Id)
                .ToListAsync(cancellationToken);
            var done = 0;
            foreach (var customer in candidates.Where(c => !c.IsAnonymised))
            {
                if (done == BatchSize || await CustomerAnonymisation.HasOpenBusinessAsync(db, customer.Id, cancellationToken))
                {
                    continue;
                }

                await CustomerAnonymisation.AnonymiseAsync(db, customer, user.Actor, PersonalDataAction.Anonymise,
                    $"No activity for {options.Value.Months} months", now, cancellationToken);
                done++;
            }

            return done;
        }
    }
}

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>How long personal data is kept after a customer's last activity.</summary>
    public int Months { get; set; } = 24;

    /// <summary>0 turns the sweep off (e.g. where another scheduler sends the command).</summary>
    public double SweepEveryHours { get; set; } = 24;
}

/// <summary>Runs the retention sweep on one node at a time (its lease), every <see cref="RetentionOptions.SweepEveryHours"/>.</summary>
internal sealed class RetentionSweep(
    ScopedSender sender, JobLeases leases, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionSweep> logger)
    : LeasedJob(leases, time, logger)
{
    protected override string Name => "retention-sweep";

    protected override TimeSpan Interval => TimeSpan.FromHours(options.Value.SweepEveryHours);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.SweepEveryHours > 0 ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var anonymised = await sender.Send(new AnonymiseExpiredCustomers.Command(), SystemPrincipal.For(Name), cancellationToken);
        if (anonymised > 0)
        {
            logger.LogInformation("Retention: anonymised {Count} customers", anonymised);
        }
    }
}
