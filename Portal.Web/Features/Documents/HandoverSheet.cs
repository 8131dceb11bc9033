using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;
using Portal.Web.Features.Dispatch;

namespace Portal.Web.Features.Documents;

/// <summary>
/// The handover to the courier company (交接单): every parcel of one company's day handed to its driver at the
/// station. A handover is one company on one business day, so its id ("H" + company courier id + date, e.g.
/// H7-20261202) is known to both sides without a record of its own; the company only ever reaches its own.
/// </summary>
public static class HandoverSheet
{
    [AuthorizeRequest(Roles.Dispatcher, Roles.Integration)]
    public sealed record Query(string HandoverId) : IRequest<Sheet>;

    /// <summary>The calling courier company's handover on a day (none when nothing was assigned to it).</summary>
    [AuthorizeRequest(Roles.Integration)]
    public sealed record ListQuery(DateOnly Date) : IRequest<IReadOnlyList<Summary>>;

    public sealed record Summary(string Id, DateOnly Date, int Parcels, decimal CashOnDelivery);

    public sealed record Sheet(string Id, string Company, DateOnly Date, string Station, IReadOnlyList<Parcel> Parcels)
    {
        public int ParcelCount => Parcels.Sum(p => p.Pieces);

        public decimal CashOnDelivery => Parcels.Sum(p => p.CashOnDelivery);
    }

    public sealed record Parcel(int Line, string TrackingCode, string OrderNumber, string RecipientName, string District, int Pieces, decimal CashOnDelivery, CollectionMethod Collection);

    /// <summary>Statuses of a parcel that was (or is about to be) handed to the company's driver.</summary>
    private static readonly DeliveryStatus[] HandedOver =
        [DeliveryStatus.Assigned, DeliveryStatus.PickedUp, DeliveryStatus.OutForDelivery, DeliveryStatus.Delivered, DeliveryStatus.FailedAttempt, DeliveryStatus.Returned];

    public static string IdOf(long companyId, DateOnly date) => $"H{companyId}-{date:yyyyMMdd}";

    public static bool TryParse(string? id, out long companyId, out DateOnly date)
    {
        companyId = 0;
        date = default;
        var parts = (id ?? string.Empty).Split('-');
        return parts.Length == 2 && parts[0].Length > 1 && parts[0][0] == 'H'
            && long.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out companyId)
            && DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Sheet>
    {
        public async Task<Sheet> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!TryParse(request.HandoverId, out var companyId, out var date))
            {
                throw new NotFoundException($"Handover {request.HandoverId}");
            }

            // A company asking for another's handover learns nothing, not even that it exists.
            if (!user.IsInRole(Roles.Dispatcher) && await CourierCompany.Of(db, user, cancellationToken) != companyId)
            {
                throw new NotFoundException($"Handover {request.HandoverId}");
            }

            var company = await db.Couriers.AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == companyId && c.Channel == DeliveryChannel.CourierCompany, cancellationToken)
                ?? throw new NotFoundException($"Handover {request.HandoverId}");
            var deliveries = await db.Deliveries.AsNoTracking()
                .Where(d => d.CourierId == companyId && d.Window.Date == date && HandedOver.Contains(d.Status))
                .OrderBy(d => d.Id)
                .ToListAsync(cancellationToken);
            return new Sheet(
                IdOf(companyId, date),
                company.Name,
                date,
                await RunManifest.StationOf(db, company, cancellationToken),
                [.. deliveries.Select((d, i) => new Parcel(
                    i + 1,
                    d.TrackingCode.Value,
                    d.OrderNumber,
                    d.RecipientName,
                    d.Address.District,
                    d.Items.Sum(x => x.Quantity),
                    d.Collection == CollectionMethod.None ? 0m : d.AmountToCollect.Amount,
                    d.Collection))]);
        }
    }

    internal sealed class ListHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<ListQuery, IReadOnlyList<Summary>>
    {
        public async Task<IReadOnlyList<Summary>> Handle(ListQuery request, CancellationToken cancellationToken)
        {
            var company = await CourierCompany.Of(db, user, cancellationToken);
            var parcels = await db.Deliveries.AsNoTracking()
                .Where(d => d.CourierId == company && d.Window.Date == request.Date && HandedOver.Contains(d.Status))
                .Select(d => new { d.Collection, d.AmountToCollect })
                .ToListAsync(cancellationToken);
            return parcels.Count == 0
                ? []
                : [new Summary(IdOf(company, request.Date), request.Date, parcels.Count, parcels.Where(p => p.Collection != CollectionMethod.None).Sum(p => p.AmountToCollect.Amount))];
        }
    }
}
