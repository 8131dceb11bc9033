using MediatR;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Jobs;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.KeyMoments;

/// <summary>
/// Runs the rules over every number's latest facts: moments that depend on the date (a contract now within 60
/// days, a handset now 31 months old) appear without new facts arriving.
/// </summary>
public static class EvaluateKeyMoments
{
    [AuthorizeRequest(Roles.System, Roles.Admin)]
    public sealed record Command : ICommand<int>;

    internal sealed class Handler(PortalDbContext db, IClock clock) : IRequestHandler<Command, int>
    {
        public Task<int> Handle(Command request, CancellationToken cancellationToken) =>
            KeyMomentEngine.RaiseTasksAsync(db, null, clock.UtcNow, cancellationToken);
    }
}

/// <summary>Runs <see cref="EvaluateKeyMoments"/> on one node at a time.</summary>
internal sealed class KeyMomentSweep(
    ScopedSender sender, JobLeases leases, TimeProvider time, IOptions<KeyMomentOptions> options, ILogger<KeyMomentSweep> logger)
    : LeasedJob(leases, time, logger)
{
    protected override string Name => "key-moment-sweep";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.EvaluateEveryMinutes));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.EvaluateEveryMinutes <= 0 ? Task.CompletedTask : base.ExecuteAsync(stoppingToken);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        sender.Send(new EvaluateKeyMoments.Command(), SystemPrincipal.For(Name), cancellationToken);
}
