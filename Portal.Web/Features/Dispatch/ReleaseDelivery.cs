using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Jobs;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

/// <summary>
/// A held delivery waits for a courier again: released by the dispatcher, or by the sweep once its chosen day has
/// come (China time). Releasing one that is no longer held changes nothing.
/// </summary>
public static class ReleaseDelivery
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Command(long DeliveryId, int ExpectedVersion) : ICommand<Unit>;

    /// <summary>Releases every hold whose day has come; a repeated run finds none of them again.</summary>
    [AuthorizeRequest(Roles.System)]
    public sealed record ReleaseDue : ICommand<int>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a delivery.");
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == request.DeliveryId, cancellationToken)
                ?? throw new NotFoundException($"Delivery {request.DeliveryId}");
            if (delivery.Status == DeliveryStatus.OnHold)
            {
                DeliveryVersions.EnsureSeen(delivery, request.ExpectedVersion);
                delivery.Release(user.Actor, clock.UtcNow);
            }

            return Unit.Value;
        }
    }

    internal sealed class ReleaseDueHandler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<ReleaseDue, int>
    {
        public async Task<int> Handle(ReleaseDue request, CancellationToken cancellationToken)
        {
            var today = Portal.Domain.Shared.ChinaTime.Today(clock.UtcNow);
            var due = await db.Deliveries
                .Where(d => d.Status == DeliveryStatus.OnHold && d.HeldUntil != null && d.HeldUntil <= today)
                .ToListAsync(cancellationToken);
            return due.Count(d => d.ReleaseIfDue(user.Actor, clock.UtcNow));
        }
    }

    /// <summary>Runs the release sweep on one node at a time.</summary>
    internal sealed class SweepJob(ScopedSender sender, JobLeases leases, TimeProvider time, ILogger<SweepJob> logger)
        : LeasedJob(leases, time, logger)
    {
        public const string JobName = "dispatch-hold-release";

        protected override string Name => JobName;

        protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

        protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
            sender.Send(new ReleaseDue(), SystemPrincipal.For(Name), cancellationToken);
    }
}
