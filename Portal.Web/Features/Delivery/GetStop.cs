using MediatR;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Delivery;

/// <summary>One stop of the courier's own run, with what the stop page needs (call, navigate, checks, amount).</summary>
public static class GetStop
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Query(long DeliveryId) : IRequest<Stop>;

    public sealed record Stop(
        long DeliveryId,
        int Version,
        string TrackingCode,
        string OrderNumber,
        DeliveryStatus Status,
        string RecipientName,
        string Phone,
        string Address,
        GeoPoint Location,
        string Window,
        IReadOnlyList<StopItem> Items,
        Money AmountToCollect,
        CollectionMethod Collection,
        bool PaymentCollected,
        bool RequiresIdCheck,
        string? IdCheckedLast4,
        bool SignatureCaptured,
        int FailedAttempts);

    public sealed record StopItem(string Sku, string Name, int Quantity, bool IsSerialTracked, IReadOnlyList<string> Reserved, IReadOnlyList<string> HandedOver);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Stop>
    {
        public async Task<Stop> Handle(Query request, CancellationToken cancellationToken)
        {
            var (_, d) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            return new Stop(
                d.Id,
                d.Version,
                d.TrackingCode.Value,
                d.OrderNumber,
                d.Status,
                d.RecipientName,
                d.RecipientPhone.Value,
                d.Address.ToString(),
                d.Location,
                $"{d.Window.Date:yyyy-MM-dd} {d.Window.From:HH\\:mm}-{d.Window.To:HH\\:mm}",
                [.. d.Items.Select(i => new StopItem(i.Sku, i.Name, i.Quantity, i.IsSerialTracked, [.. i.ReservedSerials], [.. i.HandedOverSerials]))],
                d.AmountToCollect,
                d.Collection,
                d.PaymentCollected,
                d.RequiresIdCheck,
                d.IdCheckedLast4,
                d.SignatureReference is not null,
                d.FailedAttempts);
        }
    }
}
