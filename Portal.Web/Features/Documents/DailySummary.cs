using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Documents;

/// <summary>
/// The dispatch day on one page: per channel and courier, the deliveries planned for the day, delivered, failed
/// (by reason) and rescheduled, and the cash and POS money each courier hands over at the station.
/// </summary>
public static class DailySummary
{
    [AuthorizeRequest(Roles.Dispatcher, Roles.Admin)]
    public sealed record Query(DateOnly Date) : IRequest<Summary>;

    public sealed record Summary(DateOnly Date, IReadOnlyList<Row> Rows)
    {
        public Row Total => new(
            null, "", null, Rows.Sum(r => r.Planned), Rows.Sum(r => r.Delivered), Rows.Sum(r => r.Failed), Rows.Sum(r => r.Rescheduled),
            Rows.Sum(r => r.Cash), Rows.Sum(r => r.Pos),
            Rows.SelectMany(r => r.FailedByReason).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value)));
    }

    /// <summary>One courier's day; <see cref="Courier"/> is empty for deliveries rescheduled before anyone took them.</summary>
    public sealed record Row(
        DeliveryChannel? Channel, string Courier, string? HandoverId, int Planned, int Delivered, int Failed, int Rescheduled, decimal Cash, decimal Pos,
        IReadOnlyDictionary<FailureReason, int> FailedByReason);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Summary>
    {
        public async Task<Summary> Handle(Query request, CancellationToken cancellationToken)
        {
            var from = ChinaTime.StartOfDayUtc(request.Date);
            var to = ChinaTime.StartOfDayUtc(request.Date.AddDays(1));
            var deliveries = await db.Deliveries.AsNoTracking()
                .Where(d => (d.Window.Date == request.Date && d.CourierId != null)
                    || d.Timeline.Any(t => t.ToStatus == DeliveryStatus.Rescheduled && t.AtUtc >= from && t.AtUtc < to))
                .ToListAsync(cancellationToken);
            var couriers = await db.Couriers.AsNoTracking().Select(c => new { c.Id, c.Name, c.Channel }).ToDictionaryAsync(c => c.Id, cancellationToken);

            bool On(DeliveryTimelineEntry t, DeliveryStatus status) => t.ToStatus == status && t.AtUtc >= from && t.AtUtc < to;
            var rows = deliveries
                .GroupBy(d => d.CourierId is { } id && couriers.TryGetValue(id, out var c) ? (c.Channel, c.Name, Id: (long?)id) : (d.Channel ?? DeliveryChannel.CourierCompany, "", null))
                .Select(g =>
                {
                    var planned = g.Where(d => d.Window.Date == request.Date && d.CourierId != null).ToList();
                    var delivered = planned.Where(d => d.Status == DeliveryStatus.Delivered).ToList();
                    var failed = planned.Where(d => d.FailedAttempts > 0).ToList();
                    return new Row(
                        g.Key.Channel,
                        g.Key.Name,
                        g.Key.Channel == DeliveryChannel.CourierCompany && g.Key.Id is { } company && planned.Count > 0 ? new HandoverId(company, request.Date).ToString() : null,
                        planned.Count,
                        delivered.Count,
                        failed.Count,
                        g.Count(d => d.Timeline.Any(t => On(t, DeliveryStatus.Rescheduled))),
                        delivered.Where(d => d.Collection == CollectionMethod.Cash && d.PaymentCollected).Sum(d => d.AmountToCollect.Amount),
                        delivered.Where(d => d.Collection == CollectionMethod.Pos && d.PaymentCollected).Sum(d => d.AmountToCollect.Amount),
                        failed.GroupBy(d => d.LastFailureReason ?? FailureReason.Other).ToDictionary(f => f.Key, f => f.Count()));
                })
                .OrderBy(r => r.Channel).ThenBy(r => r.Courier, StringComparer.Ordinal)
                .ToList();
            return new Summary(request.Date, rows);
        }
    }
}
