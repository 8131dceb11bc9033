using System.Text.Json.Nodes;
using Portal.Infrastructure.Payments;
using Stripe;

namespace Portal.Tests.Features.Payments;

/// <summary>Stripe events as Stripe sends them (the fields the portal reads, in Stripe's shape), and their signature.</summary>
internal static class StripeEventJson
{
    public static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 25)];

    public static string Intent(string type, string intentId, Guid paymentKey, string orderNumber, long amount, string currency = "cny", string? declineCode = null) =>
        Event(type, new JsonObject
        {
            ["id"] = intentId,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = type == EventTypes.PaymentIntentSucceeded ? amount : 0L,
            ["currency"] = currency,
            ["status"] = type switch
            {
                EventTypes.PaymentIntentSucceeded => "succeeded",
                EventTypes.PaymentIntentCanceled => "canceled",
                _ => "requires_payment_method",
            },
            ["metadata"] = new JsonObject { [StripeGateway.OrderNumberKey] = orderNumber, [StripeGateway.PaymentKeyKey] = paymentKey.ToString() },
            ["last_payment_error"] = declineCode is null ? null : new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = declineCode },
        });

    public static JsonObject Refund(string refundId, string intentId, long amount, string status = "succeeded", Guid? refundKey = null) => new()
    {
        ["id"] = refundId,
        ["object"] = "refund",
        ["amount"] = amount,
        ["currency"] = "cny",
        ["payment_intent"] = intentId,
        ["status"] = status,
        ["metadata"] = refundKey is null ? new JsonObject() : new JsonObject { [StripeGateway.RefundKeyKey] = refundKey.ToString() },
    };

    public static string RefundUpdated(JsonObject refund) => Event(EventTypes.RefundUpdated, refund);

    public static string ChargeRefunded(string intentId, long amount, params JsonObject[] refunds) =>
        Event(EventTypes.ChargeRefunded, new JsonObject
        {
            ["id"] = NewId("ch"),
            ["object"] = "charge",
            ["amount"] = amount,
            ["amount_refunded"] = refunds.Sum(r => (long)r["amount"]!),
            ["currency"] = "cny",
            ["payment_intent"] = intentId,
            ["refunded"] = false,
            ["refunds"] = new JsonObject { ["object"] = "list", ["data"] = new JsonArray([.. refunds.Select(r => (JsonNode)r.DeepClone())]), ["has_more"] = false },
        });

    public static string Payout(string type, long amount) =>
        Event(type, new JsonObject { ["id"] = NewId("po"), ["object"] = "payout", ["amount"] = amount, ["currency"] = "cny", ["status"] = "paid" });

    public static string Event(string type, JsonObject data) => new JsonObject
    {
        ["id"] = NewId("evt"),
        ["object"] = "event",
        ["api_version"] = StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = data },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
    }.ToJsonString();

    public static string IdOf(string eventJson) => (string)JsonNode.Parse(eventJson)!["id"]!;
}
