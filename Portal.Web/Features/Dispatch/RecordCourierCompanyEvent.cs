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

namespace Portal.Web.Features.Dispatch;

/// <summary>
/// A status report from the courier company. The same event id twice has one effect; reports may come late or out
/// of order and the furthest status wins. A code that is unknown or another company's answers "not found".
/// Every delivery the company can report on is on one of its handover sheets (the sheet lists exactly the statuses
/// a report is accepted in), so every report quotes that sheet's id and a report quoting another sheet is refused.
/// </summary>
public static class RecordCourierCompanyEvent
{
    [AuthorizeRequest(Roles.Integration)]
    public sealed record Command(string TrackingCode, string? EventId, CarrierEventType? Type, DateTime? At, string? Reason, string? ReceivedBy, string? HandoverId = null)
        : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EventId).NotEmpty().WithMessage("eventId is required.").MaximumLength(64).WithMessage("eventId has at most 64 characters.");
            RuleFor(c => c.Type).NotNull().WithMessage("type is required (PickedUp, OutForDelivery, Delivered, Failed or Returned).");
            RuleFor(c => c.At).NotNull().WithMessage("at is required (UTC, ISO 8601).");
            RuleFor(c => c.Reason).MaximumLength(200).WithMessage("reason has at most 200 characters.");
            RuleFor(c => c.ReceivedBy).MaximumLength(50).WithMessage("receivedBy has at most 50 characters.");
            // Optional, so a company's client that predates the handover sheet keeps working; when quoted, it is checked.
            RuleFor(c => c.HandoverId)
                .Must(id => Portal.Domain.Dispatch.HandoverId.TryParse(id, out _)).When(c => !string.IsNullOrEmpty(c.HandoverId))
                .WithMessage("handoverId is a handover sheet id: H, the company's id, a dash and the day (H7-20261202).");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken) =>
            await Record(db, await CourierCompany.Of(db, user, cancellationToken), request, clock.UtcNow, cancellationToken);
    }

    /// <summary>
    /// The one way a company's report is applied, whether it came over the API or in the company's daily file.
    /// Saves nothing: the caller's unit of work commits it.
    /// </summary>
    internal static async Task<bool> Record(PortalDbContext db, long company, Command request, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var code = TrackingCode.TryParse(request.TrackingCode, out var parsed) ? parsed : null;
        var delivery = code is null ? null : await db.Deliveries.FirstOrDefaultAsync(d => d.TrackingCode == code && d.CourierId == company, cancellationToken);
        if (delivery is null)
        {
            throw new NotFoundException($"Delivery {request.TrackingCode}");
        }

        Portal.Domain.Dispatch.HandoverId? handover = Portal.Domain.Dispatch.HandoverId.TryParse(request.HandoverId, out var quoted) ? quoted : null;
        if (handover is not null && handover != delivery.Handover)
        {
            throw RequestValidationException.For("handoverId", $"handoverId {request.HandoverId} is not the handover sheet that carried {delivery.TrackingCode.Value}.");
        }

        var at = DateTime.SpecifyKind(request.At!.Value.ToUniversalTime(), DateTimeKind.Utc);
        return delivery.ApplyCarrierEvent(company, new CarrierEvent(request.EventId!, request.Type!.Value, at, request.Reason, request.ReceivedBy), handover, nowUtc);
    }
}
