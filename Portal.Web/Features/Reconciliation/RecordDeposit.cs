using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Inventory;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common.Telemetry;
using Portal.Web.Features.Payments;

namespace Portal.Web.Features.Reconciliation;

/// <summary>Tier 2: a station's cash paid in at the bank, slip by slip; matched to the day's handovers and later to the bank line.</summary>
public static class RecordDeposit
{
    [AuthorizeRequest(Roles.Cashier, Roles.Finance)]
    public sealed record Command(string SlipNumber, string Station, DateOnly Day, decimal Amount, string Account) : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SlipNumber).NotEmpty().MaximumLength(64).WithMessage("Enter the slip number.");
            RuleFor(c => c.Station).NotEmpty().MaximumLength(32).WithMessage("Choose the station.");
            RuleFor(c => c.Amount).GreaterThan(0m).LessThan(100_000_000m).WithMessage("Enter the amount deposited.");
            RuleFor(c => c.Account).NotEmpty().MaximumLength(64).WithMessage("Enter the bank account.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, PortalMetrics metrics) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            new PeriodLock(await db.ClosedPeriods.AsNoTracking().ToListAsync(cancellationToken)).EnsureOpen(request.Day);
            var station = request.Station.Trim().ToUpperInvariant();
            if (!await db.StockLocations.AnyAsync(l => l.Code == station && l.Kind == StockLocationKind.Station, cancellationToken))
            {
                throw new NotFoundException($"Station {station}");
            }

            var slip = request.SlipNumber.Trim();
            if (await db.DepositSlips.AnyAsync(d => d.SlipNumber == slip, cancellationToken))
            {
                throw new DomainException("audit.slip_reused", $"Deposit slip {slip} was already recorded");
            }

            var now = clock.UtcNow;
            var deposit = DepositSlip.Record(slip, station, request.Day, Money.Yuan(request.Amount), request.Account, user.Actor, now);
            db.DepositSlips.Add(deposit);
            await db.PostOnceAsync(Postings.BankDeposit(slip, station, deposit.Amount, user.Actor, now), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await AuditBooks.MatchAroundAsync(db, metrics, request.Day, now, cancellationToken);
            return true;
        }
    }
}
