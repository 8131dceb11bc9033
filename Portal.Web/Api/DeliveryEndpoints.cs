using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Features.Dispatch;

namespace Portal.Web.Api;

/// <summary>The courier company's integration (scope "deliveries"): its assigned deliveries and its status reports.</summary>
public static class DeliveryEndpoints
{
    public sealed record DeliveryDto(
        string TrackingCode, string RecipientName, string RecipientPhone, string Address, WindowDto Window, int ParcelCount, decimal AmountToCollect, string Status);

    public sealed record WindowDto(DateOnly Date, string Slot);

    public sealed record DeliveryEventDto(
        string? EventId,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<CarrierEventType>))] CarrierEventType? Type,
        DateTime? At,
        string? Reason,
        string? ReceivedBy,
        string? HandoverId);

    public static void MapDeliveryEndpoints(this RouteGroupBuilder api)
    {
        var deliveries = api.MapGroup("/deliveries").RequireAuthorization(p => p.RequireClaim(ApiScopes.ClaimType, ApiScopes.Deliveries));

        deliveries.MapGet("/", async (string? status, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                if (!Enum.TryParse<DeliveryStatus>(status ?? nameof(DeliveryStatus.Assigned), ignoreCase: false, out var wanted) || !Enum.IsDefined(wanted))
                {
                    throw RequestValidationException.For("status", "status is one of " + string.Join(", ", Enum.GetNames<DeliveryStatus>()) + ".");
                }

                var rows = await sender.Send(new CourierCompanyDeliveries.Query(wanted), http.User, ct);
                return TypedResults.Ok(rows.Select(r => new DeliveryDto(
                    r.TrackingCode, r.RecipientName, r.RecipientPhone, r.Address, new WindowDto(r.Date, r.Slot), r.Parcels, r.AmountToCollect, r.Status)).ToList());
            })
            .WithName("ListCourierDeliveries")
            .WithSummary("The calling courier company's deliveries in one status (Assigned by default).");

        deliveries.MapPost("/{trackingCode}/events", async (string trackingCode, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                var body = await ApiJson.ReadAsync<DeliveryEventDto>(http.Request, ct);
                await sender.Send(new RecordCourierCompanyEvent.Command(trackingCode, body.EventId, body.Type, body.At, body.Reason, body.ReceivedBy, body.HandoverId), http.User, ct);
                return TypedResults.Accepted((string?)null);
            })
            .Accepts<DeliveryEventDto>("application/json")
            .WithName("RecordDeliveryEvent")
            .WithSummary("A status report quoting the handover sheet (handoverId) that carried the parcel; the same eventId twice has one effect and late reports never move a delivery back.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
