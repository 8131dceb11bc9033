using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Delivery;

/// <summary>
/// A courier reaches a stop only through their own run: another courier's stop, a stop taken off the run and an
/// id that does not exist all answer the same "not found", so a changed id reveals nothing.
/// </summary>
internal static class MyStops
{
    public static async Task<Courier> Me(PortalDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        await db.Couriers.AsNoTracking().FirstOrDefaultAsync(c => c.Login == user.Name && c.IsActive, cancellationToken)
        ?? throw new NotFoundException("Your courier profile");

    public static async Task<(Courier Courier, Domain.Dispatch.Delivery Stop)> Load(
        PortalDbContext db, ICurrentUser user, long deliveryId, CancellationToken cancellationToken)
    {
        var courier = await Me(db, user, cancellationToken);
        var stop = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.CourierId == courier.Id, cancellationToken)
            ?? throw new NotFoundException($"Stop {deliveryId}");
        return (courier, stop);
    }
}

/// <summary>What a courier action answers: where the stop stands now, and whether this request changed anything.</summary>
public sealed record StopChanged(long DeliveryId, DeliveryStatus Status, bool Changed);

/// <summary>A courier action the server refused, shown beside the step that sent it (a floating toast would cover the signature pad).</summary>
public sealed record StopRefusal(IRequest<StopChanged> Command, string Message);
