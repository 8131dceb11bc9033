using FluentValidation;
using MediatR;
using Portal.Domain.Common;
using Portal.Domain.Orders;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Tracking;

/// <summary>The customer asks for another window on the tracking page, before the parcel is out for delivery.</summary>
public static class RequestReschedule
{
    [AllowAnonymousRequest]
    public sealed record Command(string? Code, string? PhoneLast4, DateOnly Date, string? Slot) : ICommand<Unit>;

    public static readonly IReadOnlyList<string> Slots = ["09:00-12:00", "12:00-15:00", "14:00-18:00", "18:00-21:00"];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the tracking code.");
            RuleFor(c => c.PhoneLast4).Matches("^[0-9]{4}$").WithMessage("Enter the last 4 digits of your phone number.");
            RuleFor(c => c.Slot).Must(s => s is not null && Slots.Contains(s)).WithMessage("Choose one of the offered time slots.");
        }
    }

    internal sealed class Handler(PortalDbContext db, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var delivery = await TrackDelivery.Find(db, request.Code, request.PhoneLast4, cancellationToken);
            if (!TrackDelivery.CanReschedule(delivery.Status))
            {
                throw new DomainException("delivery.too_late_to_reschedule", "The parcel is already on its way; call us to change the delivery");
            }

            delivery.Reschedule(DeliveryWindow.Parse(request.Date, request.Slot!), "customer", clock.UtcNow, "Requested by the customer on the tracking page");
            return Unit.Value;
        }
    }
}
