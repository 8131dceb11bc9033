using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Inventory;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Handover;

/// <summary>The cashier's day: every courier who collected cash or POS slips, what the system expects from them, and whether they handed over.</summary>
public static class GetCashierDesk
{
    [AuthorizeRequest(Roles.Cashier, Roles.Finance)]
    public sealed record Query(DateOnly Day) : IRequest<Desk>;

    public sealed record Desk(DateOnly Day, IReadOnlyList<string> Stations, IReadOnlyList<CourierLine> Couriers);

    public sealed record CourierLine(
        string Courier, string Name, decimal ExpectedCash, IReadOnlyList<SlipLine> Slips, HandedOver? Handover);

    public sealed record SlipLine(string Reference, decimal Amount);

    public sealed record HandedOver(Guid Key, string Station, decimal Counted, decimal Variance, bool CourierSigned, string? VarianceStatus, string? Dispute = null);

    private static readonly PaymentAttemptStatus[] Captured =
        [PaymentAttemptStatus.Succeeded, PaymentAttemptStatus.PartiallyRefunded, PaymentAttemptStatus.Refunded];

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Desk>
    {
        public async Task<Desk> Handle(Query request, CancellationToken cancellationToken)
        {
            var from = ChinaTime.StartOfDayUtc(request.Day);
            var to = ChinaTime.StartOfDayUtc(request.Day.AddDays(1));
            var couriers = await db.Couriers.AsNoTracking().OrderBy(c => c.Login).Select(c => new { c.Login, c.Name }).ToListAsync(cancellationToken);
            var logins = couriers.Select(c => c.Login).ToList();
            var payments = await db.Payments.AsNoTracking()
                .Where(p => p.SettledBy != null && logins.Contains(p.SettledBy) && p.SettledAtUtc >= from && p.SettledAtUtc < to && Captured.Contains(p.Status)
                    && (p.Channel == PaymentChannel.Cash || p.Channel == PaymentChannel.Pos))
                .Select(p => new { p.SettledBy, p.Channel, p.Amount, p.Reference })
                .ToListAsync(cancellationToken);
            var handovers = await db.CashHandovers.AsNoTracking().Where(h => h.Day == request.Day).ToListAsync(cancellationToken);
            var subjects = handovers.Select(h => $"handover:{h.Key:N}").ToList();
            var variances = await db.AuditVariances.AsNoTracking().Where(v => subjects.Contains(v.Subject))
                .Select(v => new { v.Subject, v.Status }).ToListAsync(cancellationToken);
            var stations = await db.StockLocations.AsNoTracking().Where(l => l.Kind == StockLocationKind.Station).OrderBy(l => l.Code)
                .Select(l => l.Code).ToListAsync(cancellationToken);

            var lines = couriers.Select(c =>
            {
                var own = payments.Where(p => p.SettledBy == c.Login).ToList();
                var handover = handovers.FirstOrDefault(h => h.Courier == c.Login);
                return new CourierLine(
                    c.Login,
                    c.Name,
                    own.Where(p => p.Channel == PaymentChannel.Cash).Sum(p => p.Amount.Amount),
                    [.. own.Where(p => p.Channel == PaymentChannel.Pos).Select(p => new SlipLine(p.Reference ?? "", p.Amount.Amount))],
                    handover is null
                        ? null
                        : new HandedOver(
                            handover.Key, handover.Station, handover.CountedCash.Amount, handover.CashVariance.Amount, handover.IsSigned,
                            variances.LastOrDefault(v => v.Subject == $"handover:{handover.Key:N}")?.Status.ToString(),
                            handover.IsDisputed ? handover.CourierDisputeNote : null));
            }).Where(l => l.ExpectedCash > 0 || l.Slips.Count > 0 || l.Handover is not null).ToList();
            return new Desk(request.Day, stations, lines);
        }
    }
}
