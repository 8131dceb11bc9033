using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;
using Portal.Web.Features.Dispatch;

namespace Portal.Web.Features.Delivery;

/// <summary>The signed-in courier's stops for a day (today by default), in route order.</summary>
public static class GetMyRun
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Query(DateOnly? Date = null) : IRequest<MyRun>;

    public sealed record MyRun(DateOnly Date, string CourierName, int DistanceMetres, IReadOnlyList<RunStopRow> Stops);

    public sealed record RunStopRow(
        long DeliveryId, int Sequence, string RecipientName, string Address, string Window, TimeOnly? PlannedArrival, bool MeetsWindow, DeliveryStatus Status);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Query, MyRun>
    {
        public async Task<MyRun> Handle(Query request, CancellationToken cancellationToken)
        {
            var courier = await MyStops.Me(db, user, cancellationToken);
            var date = request.Date ?? ChinaTime.Today(clock.UtcNow);
            var run = await db.Runs.AsNoTracking().Where(r => r.CourierId == courier.Id && r.Date == date)
                .Select(r => new { r.DistanceMetres, r.Stops })
                .FirstOrDefaultAsync(cancellationToken);
            var stops = await db.Deliveries.AsNoTracking()
                .Where(d => d.CourierId == courier.Id && d.Window.Date == date && RunPlanner.OnRun.Contains(d.Status))
                .Select(d => new { d.Id, d.RecipientName, d.Address, d.Window, d.Status })
                .ToListAsync(cancellationToken);
            var planned = run?.Stops.ToDictionary(s => s.DeliveryId) ?? [];
            return new MyRun(
                date,
                courier.Name,
                run?.DistanceMetres ?? 0,
                [.. stops
                    .Select(d => (d, p: planned.GetValueOrDefault(d.Id)))
                    .OrderBy(x => x.p?.Sequence ?? int.MaxValue)
                    .ThenBy(x => x.d.Window.From)
                    .Select((x, i) => new RunStopRow(
                        x.d.Id, i + 1, x.d.RecipientName, x.d.Address.ToString(), $"{x.d.Window.From:HH\\:mm}-{x.d.Window.To:HH\\:mm}",
                        x.p?.PlannedArrival, x.p?.MeetsWindow ?? true, x.d.Status))]);
        }
    }
}
