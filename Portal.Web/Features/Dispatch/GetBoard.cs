using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

/// <summary>
/// The dispatch board for one day: what waits for a courier, each courier's run in route order with its load, and
/// the day's deliveries counted by zone and by channel. Versions travel with every row, so an assignment made from
/// a stale board is refused instead of overwriting a colleague's.
/// </summary>
public static class GetBoard
{
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Query(DateOnly Date) : IRequest<Board>;

    public sealed record Board(
        DateOnly Date,
        IReadOnlyList<WaitingDelivery> Waiting,
        IReadOnlyList<CourierRun> Runs,
        IReadOnlyList<Tally> ByZone,
        IReadOnlyList<Tally> ByChannel);

    public sealed record WaitingDelivery(
        long DeliveryId, int Version, string TrackingCode, string ZoneCode, string Window, DeliveryChannel? Channel, DeliveryStatus Status, string Address,
        string? HoldReason = null, DateOnly? HeldUntil = null);

    public sealed record CourierRun(
        long CourierId, string CourierName, DeliveryChannel Channel, int Capacity, int DistanceMetres, IReadOnlyList<RunStop> Stops, long? RunId = null)
    {
        public int Load => Stops.Count;

        public int WindowsMissed => Stops.Count(s => !s.MeetsWindow);
    }

    public sealed record RunStop(
        long DeliveryId, int Version, int Sequence, string TrackingCode, string ZoneCode, string Window, TimeOnly? Arrival, bool MeetsWindow, DeliveryStatus Status);

    public sealed record Tally(string Name, int Count);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Date).NotEqual(default(DateOnly)).WithMessage("Choose a date.");
    }

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Board>
    {
        private static readonly DeliveryStatus[] WaitingStatuses = [DeliveryStatus.Waiting, DeliveryStatus.Rescheduled, DeliveryStatus.OnHold];

        public async Task<Board> Handle(Query request, CancellationToken cancellationToken)
        {
            var deliveries = await db.Deliveries.AsNoTracking()
                .Where(d => d.Window.Date == request.Date && d.Status != DeliveryStatus.Cancelled)
                .Select(d => new { d.Id, d.Version, d.TrackingCode, d.ZoneCode, d.Window, d.Channel, d.Status, d.CourierId, d.Address, d.HoldReason, d.HeldUntil })
                .ToListAsync(cancellationToken);
            var couriers = await db.Couriers.AsNoTracking().Where(c => c.IsActive)
                .Select(c => new { c.Id, c.Name, c.Channel, c.CapacityPerDay })
                .ToListAsync(cancellationToken);
            var plans = await db.Runs.AsNoTracking().Where(r => r.Date == request.Date)
                .Select(r => new { r.Id, r.CourierId, r.DistanceMetres, r.Stops })
                .ToListAsync(cancellationToken);
            var planByCourier = plans.ToDictionary(p => p.CourierId);

            var waiting = deliveries
                .Where(d => WaitingStatuses.Contains(d.Status))
                .OrderBy(d => d.Window.From).ThenBy(d => d.ZoneCode).ThenBy(d => d.Id)
                .Select(d => new WaitingDelivery(
                    d.Id, d.Version, d.TrackingCode.Value, d.ZoneCode, Slot(d.Window), d.Channel, d.Status, d.Address.ToString(), d.HoldReason, d.HeldUntil))
                .ToList();
            var runs = couriers
                .Select(c =>
                {
                    var plan = planByCourier.GetValueOrDefault(c.Id);
                    var planned = plan?.Stops.ToDictionary(s => s.DeliveryId) ?? [];
                    var stops = deliveries
                        .Where(d => d.CourierId == c.Id && RunPlanner.OnRun.Contains(d.Status))
                        .Select(d => (d, p: planned.GetValueOrDefault(d.Id)))
                        .OrderBy(x => x.p?.Sequence ?? int.MaxValue).ThenBy(x => x.d.Window.From)
                        .Select((x, i) => new RunStop(
                            x.d.Id, x.d.Version, i + 1, x.d.TrackingCode.Value, x.d.ZoneCode, Slot(x.d.Window), x.p?.PlannedArrival, x.p?.MeetsWindow ?? true, x.d.Status))
                        .ToList();
                    return new CourierRun(c.Id, c.Name, c.Channel, c.CapacityPerDay, plan?.DistanceMetres ?? 0, stops, plan?.Id);
                })
                .OrderBy(r => r.Channel).ThenBy(r => r.CourierName, StringComparer.Ordinal)
                .ToList();
            return new Board(
                request.Date,
                waiting,
                runs,
                [.. deliveries.GroupBy(d => d.ZoneCode).OrderBy(g => g.Key).Select(g => new Tally(g.Key, g.Count()))],
                [.. deliveries.GroupBy(d => d.Channel?.ToString() ?? "").OrderBy(g => g.Key).Select(g => new Tally(g.Key, g.Count()))]);
        }

        private static string Slot(Portal.Domain.Orders.DeliveryWindow window) => $"{window.From:HH\\:mm}-{window.To:HH\\:mm}";
    }
}
