using Portal.Web.Common;
using Portal.Web.Features.Orders;

namespace Portal.Web.Api;

/// <summary>Order intake for other channels: keep routes and field names exactly (other systems depend on them).</summary>
public static class OrderEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public sealed record PlacedOrderDto(string Number, string Flow, string Status, string? TrackingCode, decimal Total, decimal AmountToCollect, string? Message);

    public sealed record OrderDto(
        string Number, string Flow, string Status, string PaymentStatus, IReadOnlyList<LineDto> Lines, decimal Total, decimal AmountToCollect,
        string? TrackingCode, IReadOnlyList<TimelineDto> Timeline);

    public sealed record LineDto(string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);

    public sealed record TimelineDto(DateTime At, string Actor, string? From, string To, string? Reason);

    public static void MapOrderEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/orders", async (PlaceOrder.Command command, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                // A client that retries with the same Idempotency-Key gets the first answer, not a second order.
                if (http.Request.Headers.TryGetValue(IdempotencyHeader, out var key))
                {
                    if (!Guid.TryParse(key, out var requestId))
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyHeader] = ["Idempotency-Key must be a UUID."] });
                    }

                    command = command with { RequestId = requestId };
                }

                var placed = await sender.Send(command with { OpportunityNumber = null }, http.User, ct);
                return TypedResults.Created(
                    $"/api/v1/orders/{placed.Number}",
                    new PlacedOrderDto(placed.Number, placed.Flow, placed.Status, placed.TrackingCode, placed.Total, placed.AmountToCollect, placed.Message));
            })
            .WithName("PlaceOrder")
            .WithSummary("Places an order in one of the flows Direct, PreOrderDelivery or Appointment.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

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
                    order.Timeline.Select(t => new TimelineDto(t.AtUtc, t.Actor, t.FromStatus, t.ToStatus, t.Reason)).ToList()));
            })
            .WithName("GetOrder")
            .WithSummary("An order (or a registered appointment, OP...) with its lines, total, status and timeline.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
