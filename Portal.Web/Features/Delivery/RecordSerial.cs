using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Delivery;

/// <summary>The courier scans or types the IMEI / ICCID handed over; a unit not reserved for the order is refused unless it is a free unit of the same model (a swap, recorded).</summary>
public static class RecordSerial
{
    [AuthorizeRequest(Roles.Courier)]
    public sealed record Command(long DeliveryId, string Sku, string Serial, Guid? RequestId = null) : ICommand<StopChanged>, IIdempotentCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DeliveryId).GreaterThan(0).WithMessage("Choose a stop.");
            RuleFor(c => c.Sku).NotEmpty().WithMessage("Choose the item.");
            RuleFor(c => c.Serial).NotEmpty().WithMessage("Scan or type the serial number.").MaximumLength(20).WithMessage("A serial number has at most 20 digits.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, StopChanged>
    {
        public async Task<StopChanged> Handle(Command request, CancellationToken cancellationToken)
        {
            var (courier, stop) = await MyStops.Load(db, user, request.DeliveryId, cancellationToken);
            var serial = request.Serial.Trim();
            var sku = request.Sku.Trim();
            var swapAllowed = await db.SerialUnits.AnyAsync(
                u => u.Serial == serial && u.Sku == sku && u.Status == Portal.Domain.Inventory.SerialUnitStatus.Available, cancellationToken);
            var changed = stop.RecordSerial(courier.Id, sku, serial, swapAllowed, clock.UtcNow);
            return new StopChanged(stop.Id, stop.Status, changed);
        }
    }
}
