using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Inventory;
using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common.Telemetry;
using Portal.Web.Features.Payments;
using Portal.Web.Features.Reconciliation;

namespace Portal.Web.Features.Handover;

/// <summary>
/// Tier 1 at the desk: the cashier counts a courier's cash note by note and ticks the POS slips handed in. The
/// counted cash moves from the courier's cash-in-hand into the station safe; a shortage becomes what the
/// courier owes. Any difference needs a reason, and above Audit:CashVarianceThreshold a Finance approver who
/// is not the one who counted. A closed day takes no handover.
/// </summary>
public static class RecordHandover
{
    [AuthorizeRequest(Roles.Cashier)]
    public sealed record Command(
        string Courier, string Station, DateOnly Day, IReadOnlyDictionary<decimal, int> Count, IReadOnlyList<string> TickedSlips, string? Reason = null)
        : ICommand<Result>;

    public sealed record Result(Guid HandoverId, decimal Expected, decimal Counted, decimal Variance, string? VarianceStatus);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Courier).NotEmpty().MaximumLength(100).WithMessage("Choose the courier.");
            RuleFor(c => c.Station).NotEmpty().MaximumLength(32).WithMessage("Choose the station.");
            RuleFor(c => c.Count).NotNull().WithMessage("Enter the count.");
            RuleFor(c => c.TickedSlips).NotNull();
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, IConfiguration configuration, PortalMetrics metrics) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            new PeriodLock(await db.ClosedPeriods.AsNoTracking().ToListAsync(cancellationToken)).EnsureOpen(request.Day);
            var station = request.Station.Trim().ToUpperInvariant();
            if (!await db.StockLocations.AnyAsync(l => l.Code == station && l.Kind == StockLocationKind.Station, cancellationToken))
            {
                throw new NotFoundException($"Station {station}");
            }

            var courier = request.Courier.Trim();
            if (await db.CashHandovers.AnyAsync(h => h.Courier == courier && h.Day == request.Day, cancellationToken))
            {
                throw new DomainException("audit.already_handed_over", $"{courier} already handed over {request.Day:yyyy-MM-dd}");
            }

            var collected = await CourierDay.CollectedAsync(db, courier, request.Day, cancellationToken);
            var now = clock.UtcNow;
            var handover = CashHandover.Record(
                Guid.NewGuid(), request.Day, courier, station, collected.Cash, CashCount.Of(request.Count), collected.Slips.Select(s => s.Reference).ToList(),
                request.TickedSlips, collected.Slips.Aggregate(Money.Zero, (sum, s) => sum + s.Amount), user.Actor, now);
            db.CashHandovers.Add(handover);
            if (handover.ExpectedCash > Money.Zero || handover.CountedCash > Money.Zero)
            {
                await db.PostOnceAsync(
                    Postings.CashCounted(handover.Key.ToString("N"), courier, station, handover.ExpectedCash, handover.CountedCash, user.Actor, now), cancellationToken);
            }

            Variance? variance = null;
            if (handover.CashVariance != Money.Zero || handover.MissingSlips.Count > 0)
            {
                if (string.IsNullOrWhiteSpace(request.Reason))
                {
                    throw new DomainException("audit.reason_required", "A difference needs a reason");
                }

                if (handover.CashVariance != Money.Zero)
                {
                    variance = Variance.Raise(
                        Guid.NewGuid(), AuditTier.Courier, request.Day, AuditBooks.Subject(handover.Key), handover.CashVariance, request.Reason, user.Actor, user.Actor,
                        Money.Yuan(configuration.GetValue<decimal?>("Audit:CashVarianceThreshold") ?? 10m), now);
                    db.AuditVariances.Add(variance);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await AuditBooks.MatchAroundAsync(db, metrics, request.Day, now, cancellationToken);
            return new Result(handover.Key, handover.ExpectedCash.Amount, handover.CountedCash.Amount, handover.CashVariance.Amount, variance?.Status.ToString());
        }
    }
}

/// <summary>What a courier took at the doors on one China day: cash in hand and the POS slips they recorded.</summary>
internal static class CourierDay
{
    public sealed record Slip(string Reference, Money Amount);

    public sealed record Collected(Money Cash, IReadOnlyList<Slip> Slips);

    private static readonly PaymentAttemptStatus[] Captured =
        [PaymentAttemptStatus.Succeeded, PaymentAttemptStatus.PartiallyRefunded, PaymentAttemptStatus.Refunded];

    public static async Task<Collected> CollectedAsync(PortalDbContext db, string courier, DateOnly day, CancellationToken ct)
    {
        var from = ChinaTime.StartOfDayUtc(day);
        var to = ChinaTime.StartOfDayUtc(day.AddDays(1));
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.SettledBy == courier && p.SettledAtUtc >= from && p.SettledAtUtc < to && Captured.Contains(p.Status)
                && (p.Channel == PaymentChannel.Cash || p.Channel == PaymentChannel.Pos))
            .Select(p => new { p.Channel, p.Amount, p.Reference })
            .ToListAsync(ct);
        return new Collected(
            payments.Where(p => p.Channel == PaymentChannel.Cash).Aggregate(Money.Zero, (sum, p) => sum + p.Amount),
            [.. payments.Where(p => p.Channel == PaymentChannel.Pos).Select(p => new Slip(p.Reference ?? "", p.Amount))]);
    }
}
