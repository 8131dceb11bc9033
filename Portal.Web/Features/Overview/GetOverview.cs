using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Inventory;
using Portal.Domain.KeyMoments;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.Overview;

/// <summary>
/// The supervisor's live picture across the process: stock by location and model, orders by flow and status,
/// payments by status, key-moment tasks by state and rep, and how many tasks became orders per day.
/// </summary>
public static class GetOverview
{
    public const int ConversionDays = 14;

    [AuthorizeRequest(Roles.Admin, Roles.Supervisor)]
    public sealed record Query : IRequest<Snapshot>;

    public sealed record Snapshot(
        IReadOnlyList<StockRow> Stock,
        IReadOnlyList<Count<OrderFlow, OrderStatus>> Orders,
        IReadOnlyList<Count<PaymentAttemptStatus, PaymentChannel>> Payments,
        IReadOnlyList<TaskCount> Tasks,
        IReadOnlyList<ConversionDay> Conversion,
        DateTime AtUtc)
    {
        public int OrdersTotal => Orders.Sum(o => o.Number);

        public int TasksOrdered => Tasks.Where(t => t.Outcome == OfferOutcomeKind.Ordered).Sum(t => t.Number);
    }

    public sealed record StockRow(string Location, string LocationName, string Sku, string Product, int OnHand, int Reserved);

    public sealed record Count<TFirst, TSecond>(TFirst First, TSecond Second, int Number);

    public sealed record TaskCount(RepTaskStatus Status, OfferOutcomeKind? Outcome, string? Rep, int Number);

    public sealed record ConversionDay(DateOnly Day, int Raised, int Ordered);

    internal sealed class Handler(PortalDbContext db, IClock clock) : IRequestHandler<Query, Snapshot>
    {
        public async Task<Snapshot> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var stock = await (
                    from item in db.StockItems.AsNoTracking()
                    join location in db.StockLocations.AsNoTracking() on item.LocationId equals location.Id
                    join product in db.Products.AsNoTracking() on item.Sku equals product.Sku
                    where item.OnHand > 0 || item.Reserved > 0
                    select new StockRow(location.Code, location.Name, item.Sku, product.Name, item.OnHand, item.Reserved))
                .ToListAsync(cancellationToken);

            var orders = await db.Orders.AsNoTracking().GroupBy(o => new { o.Flow, o.Status })
                .Select(g => new Count<OrderFlow, OrderStatus>(g.Key.Flow, g.Key.Status, g.Count())).ToListAsync(cancellationToken);
            var payments = await db.Payments.AsNoTracking().GroupBy(p => new { p.Status, p.Channel })
                .Select(g => new Count<PaymentAttemptStatus, PaymentChannel>(g.Key.Status, g.Key.Channel, g.Count())).ToListAsync(cancellationToken);
            var tasks = await db.RepTasks.AsNoTracking().GroupBy(t => new { t.Status, t.Outcome, t.ClaimedBy })
                .Select(g => new TaskCount(g.Key.Status, g.Key.Outcome, g.Key.ClaimedBy, g.Count())).ToListAsync(cancellationToken);
            var rep = await PeopleNames.NamerAsync(db, tasks.Select(t => t.Rep), cancellationToken);
            tasks = tasks.Select(t => t with { Rep = rep(t.Rep) }).ToList();

            var firstDay = ChinaTime.Today(now).AddDays(1 - ConversionDays);
            var since = ChinaTime.StartOfDayUtc(firstDay);
            var recent = await db.RepTasks.AsNoTracking()
                .Where(t => t.CreatedAtUtc >= since || (t.ClosedAtUtc != null && t.ClosedAtUtc >= since))
                .Select(t => new { t.CreatedAtUtc, t.ClosedAtUtc, t.Outcome })
                .ToListAsync(cancellationToken);
            var conversion = Enumerable.Range(0, ConversionDays).Select(i => firstDay.AddDays(i)).Select(day => new ConversionDay(
                    day,
                    recent.Count(t => ChinaTime.Today(t.CreatedAtUtc) == day),
                    recent.Count(t => t.Outcome == OfferOutcomeKind.Ordered && t.ClosedAtUtc is { } closed && ChinaTime.Today(closed) == day)))
                .ToList();

            return new Snapshot(
                stock.OrderBy(s => s.Location).ThenBy(s => s.Sku).ToList(),
                orders.OrderBy(o => o.First).ThenBy(o => o.Second).ToList(),
                payments.OrderBy(p => p.First).ThenBy(p => p.Second).ToList(),
                tasks.OrderBy(t => t.Status).ThenBy(t => t.Rep).ToList(),
                conversion,
                now);
        }
    }
}
