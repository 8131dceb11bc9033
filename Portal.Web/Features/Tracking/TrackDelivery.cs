using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Tracking;

using Delivery = Portal.Domain.Dispatch.Delivery;

/// <summary>
/// The customer's view of a delivery, found by its tracking code and proven by the phone's last four digits. An
/// unknown code and a wrong phone answer the same "not found", so the page cannot be used to probe codes. It shows
/// no name, phone or address.
/// </summary>
public static class TrackDelivery
{
    [AllowAnonymousRequest]
    public sealed record Query(string? Code, string? PhoneLast4) : IRequest<Tracking>;

    public sealed record Tracking(
        string Code, DeliveryStatus Status, DateOnly Date, string Slot, IReadOnlyList<Step> Timeline, string? CourierFirstName, bool CanReschedule);

    public sealed record Step(DateTime At, DeliveryStatus Status);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Code).NotEmpty().WithMessage("Enter the tracking code.").MaximumLength(20).WithMessage("A tracking code has 12 characters.");
            RuleFor(q => q.PhoneLast4).Matches("^[0-9]{4}$").WithMessage("Enter the last 4 digits of your phone number.");
        }
    }

    /// <summary>
    /// Reads only what the customer sees, untracked, in one round trip: loading the aggregate brought its items and
    /// carrier reports too, and snapshotted them for change tracking, on the busiest public page.
    /// </summary>
    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Tracking>
    {
        public async Task<Tracking> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = TrackingCode.TryParse(request.Code, out var parsed)
                ? await db.Deliveries.AsNoTracking()
                    .Where(d => d.TrackingCode == parsed)
                    .Select(d => new
                    {
                        d.TrackingCode,
                        d.RecipientPhone,
                        d.Status,
                        d.Window.Date,
                        d.Window.From,
                        d.Window.To,
                        Courier = d.Status == DeliveryStatus.OutForDelivery
                            ? db.Couriers.Where(c => c.Id == d.CourierId).Select(c => c.Name).FirstOrDefault()
                            : null,
                        Timeline = d.Timeline.OrderBy(t => t.AtUtc).Select(t => new Step(t.AtUtc, t.ToStatus)).ToList(),
                    })
                    .FirstOrDefaultAsync(cancellationToken)
                : null;
            if (found is null || !found.RecipientPhone.Value.EndsWith(request.PhoneLast4 ?? "-", StringComparison.Ordinal))
            {
                throw new NotFoundException("Tracking code");
            }

            return new Tracking(
                found.TrackingCode.Value,
                found.Status,
                found.Date,
                $"{found.From:HH\\:mm}-{found.To:HH\\:mm}",
                found.Timeline,
                found.Courier?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0],
                CanReschedule(found.Status));
        }
    }

    /// <summary>Before the parcel is out the customer may ask for another window.</summary>
    public static bool CanReschedule(DeliveryStatus status) =>
        status is DeliveryStatus.Waiting or DeliveryStatus.Assigned or DeliveryStatus.PickedUp or DeliveryStatus.Rescheduled;

    internal static async Task<Delivery> Find(PortalDbContext db, string? code, string? phoneLast4, CancellationToken cancellationToken)
    {
        var delivery = TrackingCode.TryParse(code, out var parsed)
            ? await db.Deliveries.FirstOrDefaultAsync(d => d.TrackingCode == parsed, cancellationToken)
            : null;
        if (delivery is null || !delivery.RecipientPhone.Value.EndsWith(phoneLast4 ?? "-", StringComparison.Ordinal))
        {
            throw new NotFoundException("Tracking code");
        }

        return delivery;
    }
}
