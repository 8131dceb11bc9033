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
/// station, under a <see cref="HandoverId"/> both sides can work out; the company only ever reaches its own.
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

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Sheet>
    {
        public async Task<Sheet> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!HandoverId.TryParse(request.HandoverId, out var handover))
            {
                throw new NotFoundException($"Handover {request.HandoverId}");
            }

            var (companyId, date) = (handover.CompanyId, handover.Day);

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
                handover.ToString(),
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
                : [new Summary(new HandoverId(company, request.Date).ToString(), request.Date, parcels.Count, parcels.Where(p => p.Collection != CollectionMethod.None).Sum(p => p.AmountToCollect.Amount))];
        }
    }
}
