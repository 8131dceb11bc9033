using Portal.Web.Common;
using Portal.Web.Features.Orders;
using Portal.Web.Features.Payments;

namespace Portal.Web.Api;

/// <summary>Order intake for other channels: keep routes and field names exactly (other systems depend on them).</summary>
public static class OrderEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The intake request. Internal fields (request id, opportunity) are not part of it and cannot be sent.</summary>
    public sealed record PlaceOrderRequest(
        OrderFlowName? Flow,
        CustomerDto? Customer,
        IReadOnlyList<LineRequest>? Lines,
        PaymentMethodName? Payment = null,
        DeliveryWindowDto? DeliveryWindow = null,
        AppointmentDto? Appointment = null,
        string? Policy = null)
    {
        public PlaceOrder.Command ToCommand(Guid? requestId) => new(
            Flow?.ToString(),
            Customer is null ? null : new PlaceOrder.CustomerInput(
                Customer.Name, Customer.Phone, Customer.IdNumber, Customer.Address is { } a ? new PlaceOrder.AddressInput(a.City, a.District, a.Line) : null),
            Lines?.Select(l => new PlaceOrder.LineInput(l.Sku, l.Quantity)).ToList(),
            Payment?.ToString(),
            DeliveryWindow is null ? null : new PlaceOrder.DeliveryWindowInput(DeliveryWindow.Date, DeliveryWindow.Slot),
            Appointment is null ? null : new PlaceOrder.AppointmentInput(Appointment.PreferredAt, Appointment.Note, Appointment.Channel?.ToString()),
            Policy,
            OpportunityNumber: null,
            RequestId: requestId);
    }

    [System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<OrderFlowName>))]
    public enum OrderFlowName { Direct, PreOrderDelivery, Appointment }

    [System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<PaymentMethodName>))]
    public enum PaymentMethodName { BillToAccount, Online, CashOnDelivery, PosOnDelivery }

    [System.Text.Json.Serialization.JsonConverter(typeof(StrictEnumConverter<ContactChannelName>))]
    public enum ContactChannelName { Callback, StoreVisit }

    public sealed record CustomerDto(string? Name, string? Phone, string? IdNumber = null, AddressDto? Address = null);

    public sealed record AddressDto(string? City, string? District, string? Line);

    public sealed record LineRequest(string? Sku, int Quantity);

    /// <summary>Date "YYYY-MM-DD" and slot "HH:MM-HH:MM", China time.</summary>
    public sealed record DeliveryWindowDto(string? Date, string? Slot);

    /// <summary>A time without an offset is China time.</summary>
    public sealed record AppointmentDto(DateTime? PreferredAt, string? Note = null, ContactChannelName? Channel = null);

    public sealed record PlacedOrderDto(string Number, string Flow, string Status, string? TrackingCode, decimal Total, decimal AmountToCollect, string? Message);

    public sealed record OrderDto(
        string Number, string Flow, string Status, string PaymentStatus, IReadOnlyList<LineDto> Lines, decimal Total, decimal AmountToCollect,
        string? TrackingCode, IReadOnlyList<TimelineDto> Timeline, IReadOnlyList<PaymentDto> Payments);

    /// <summary>Method Cash|Pos|Terminal|Online; reference is the PaymentIntent id (Online, Terminal) or the POS slip.</summary>
    public sealed record PaymentDto(Guid Id, string Method, string Status, decimal Amount, decimal Refunded, string? Reference, DateTime At);

    public sealed record PaymentLinkDto(string Url, string PaymentIntentId, DateTime ExpiresAt);

    public sealed record LineDto(string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);

    public sealed record TimelineDto(DateTime At, string Actor, string? From, string To, string? Reason);

    public static void MapOrderEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/orders", async (HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                // A client that retries with the same Idempotency-Key gets the first answer, not a second order.
                Guid? requestId = null;
                if (http.Request.Headers.TryGetValue(IdempotencyHeader, out var key))
                {
                    if (!Guid.TryParse(key, out var parsed))
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyHeader] = ["Idempotency-Key must be a UUID."] });
                    }

                    requestId = parsed;
                }

                var request = await ApiJson.ReadAsync<PlaceOrderRequest>(http.Request, ct);
                var placed = await sender.Send(request.ToCommand(requestId), http.User, ct);
                return TypedResults.Created(
                    $"/api/v1/orders/{placed.Number}",
                    new PlacedOrderDto(placed.Number, placed.Flow, placed.Status, placed.TrackingCode, placed.Total, placed.AmountToCollect, placed.Message));
            })
            .WithName("PlaceOrder")
            .WithSummary("Places an order in one of the flows Direct, PreOrderDelivery or Appointment. A direct order answers Submitted and is provisioned in the BSS moments later: read it back for Completed or ProvisioningFailed.")
            .Accepts<PlaceOrderRequest>("application/json")
            .Produces<PlacedOrderDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/orders/{number}/payment-links", async (string number, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                var link = await sender.Send(new CreatePaymentLink.Command(number), http.User, ct);
                return TypedResults.Created(link.Url, new PaymentLinkDto(link.Url, link.PaymentIntentId, link.ExpiresAtUtc));
            })
            .WithName("CreatePaymentLink")
            .WithSummary("A link the customer pays an online order with (card, Alipay, WeChat Pay); an open link is handed out again.")
            .Produces<PaymentLinkDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/orders/{number}", async (string number, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                var order = await sender.Send(new GetOrder.Query(number), http.User, ct);
                return TypedResults.Ok(new OrderDto(
                    order.Number,
                    order.Flow,
                    order.Status,
                    order.PaymentStatus,
                    order.Lines.Select(l => new LineDto(l.Sku, l.Name, l.Quantity, l.UnitPrice, l.LineTotal)).ToList(),
                    order.Total,
                    order.AmountToCollect,
                    order.TrackingCode,
                    order.Timeline.Select(t => new TimelineDto(t.AtUtc, t.Actor, t.FromStatus, t.ToStatus, t.Reason)).ToList(),
                    order.Payments.Select(p => new PaymentDto(p.Id, p.Method, p.Status, p.Amount, p.Refunded, p.Reference, p.AtUtc)).ToList()));
            })
            .WithName("GetOrder")
            .WithSummary("An order (or a registered appointment, OP...) with its lines, total, status and timeline.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
