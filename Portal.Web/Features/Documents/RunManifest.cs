using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;
using Portal.Web.Features.Delivery;
using Portal.Web.Features.Dispatch;

namespace Portal.Web.Features.Documents;

/// <summary>
/// What a courier takes out on paper: a run's stops in route order with the recipient (phone masked), items with
/// their IMEI / ICCID, the amount to collect and how, and the totals to bring back in cash and by POS.
/// </summary>
public static class RunManifest
{
    /// <summary>Any run, for the dispatcher.</summary>
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Query(long RunId) : IRequest<Manifest>;

    /// <summary>The signed-in courier's own run for a day (today by default).</summary>
    [AuthorizeRequest(Roles.Courier)]
    public sealed record MineQuery(DateOnly? Date = null) : IRequest<Manifest>;

    public sealed record Manifest(
        long? RunId, string CourierName, DeliveryChannel Channel, DateOnly Date, string Station, int DistanceMetres, IReadOnlyList<Stop> Stops)
    {
        public decimal CashTotal => Stops.Where(s => s.Collection == CollectionMethod.Cash).Sum(s => s.AmountToCollect);

        public decimal PosTotal => Stops.Where(s => s.Collection == CollectionMethod.Pos).Sum(s => s.AmountToCollect);
    }

    public sealed record Stop(
        long DeliveryId,
        int Sequence,
        string TrackingCode,
        string OrderNumber,
        string Window,
        TimeOnly? PlannedArrival,
        string RecipientName,
        string PhoneMasked,
        string Address,
        IReadOnlyList<Item> Items,
        decimal AmountToCollect,
        CollectionMethod Collection,
        bool RequiresIdCheck);

    public sealed record Item(string Name, int Quantity, IReadOnlyList<string> Serials);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Manifest>
    {
        public async Task<Manifest> Handle(Query request, CancellationToken cancellationToken)
        {
            var run = await db.Runs.AsNoTracking().Where(r => r.Id == request.RunId)
                .Select(r => new { r.CourierId, r.Date })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"Run {request.RunId}");
            var courier = await db.Couriers.AsNoTracking().SingleAsync(c => c.Id == run.CourierId, cancellationToken);
            return await Build(db, courier, run.Date, cancellationToken);
        }
    }

    internal sealed class MineHandler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<MineQuery, Manifest>
    {
        public async Task<Manifest> Handle(MineQuery request, CancellationToken cancellationToken)
        {
            var courier = await MyStops.Me(db, user, cancellationToken);
            return await Build(db, courier, request.Date ?? ChinaTime.Today(clock.UtcNow), cancellationToken);
        }
    }

    internal static async Task<Manifest> Build(PortalDbContext db, Courier courier, DateOnly date, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Where(r => r.CourierId == courier.Id && r.Date == date)
            .Select(r => new { r.Id, r.DistanceMetres, r.Stops })
            .FirstOrDefaultAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.CourierId == courier.Id && d.Window.Date == date && RunPlanner.OnRun.Contains(d.Status))
            .ToListAsync(cancellationToken);
        var planned = run?.Stops.ToDictionary(s => s.DeliveryId) ?? [];
        var stops = deliveries
            .Select(d => (d, p: planned.GetValueOrDefault(d.Id)))
            .OrderBy(x => x.p?.Sequence ?? int.MaxValue)
            .ThenBy(x => x.d.Window.From)
            .ThenBy(x => x.d.Id)
            .Select((x, i) => new Stop(
                x.d.Id,
                i + 1,
                x.d.TrackingCode.Value,
                x.d.OrderNumber,
                $"{x.d.Window.From:HH\\:mm}-{x.d.Window.To:HH\\:mm}",
                x.p?.PlannedArrival,
                x.d.RecipientName,
                x.d.RecipientPhone.Masked,
                x.d.Address.ToString(),
                [.. x.d.Items.Select(i => new Item(i.Name, i.Quantity, [.. i.ReservedSerials]))],
                x.d.Collection == CollectionMethod.None ? 0m : x.d.AmountToCollect.Amount,
                x.d.Collection,
                x.d.RequiresIdCheck))
            .ToList();
        return new Manifest(run?.Id, courier.Name, courier.Channel, date, await StationOf(db, courier, cancellationToken), run?.DistanceMetres ?? 0, stops);
    }

    /// <summary>The station in the district of the courier's first zone: where the run's parcels are picked up.</summary>
    internal static async Task<string> StationOf(PortalDbContext db, Courier courier, CancellationToken cancellationToken)
    {
        var zone = courier.ZoneCodes.FirstOrDefault();
        var district = zone is null ? null : await db.Zones.Where(z => z.Code == zone).Select(z => z.District).FirstOrDefaultAsync(cancellationToken);
        return await db.StockLocations
            .Where(l => l.Kind == Portal.Domain.Inventory.StockLocationKind.Station && (district == null || l.District == district))
            .OrderBy(l => l.Code)
            .Select(l => l.Name)
            .FirstOrDefaultAsync(cancellationToken) ?? "—";
    }
}
