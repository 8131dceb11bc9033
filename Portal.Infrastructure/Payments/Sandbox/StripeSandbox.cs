using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Stripe;

namespace Portal.Infrastructure.Payments.Sandbox;

/// <summary>A Stripe API error as the sandbox answers it (status code plus Stripe's error body).</summary>
public sealed class SandboxError(int status, string type, string code, string message, string? param = null) : Exception(message)
{
    public int Status { get; } = status;

    public JsonObject Body => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = Message, ["param"] = param },
    };
}

/// <summary>
/// The built-in stand-in for Stripe when no secret key is configured: it keeps PaymentIntents, charges, refunds,
/// Terminal reader actions, payouts and balance transactions in memory (it is a development and test tool, one
/// per process; every call runs under one lock) and queues an event for each change, which <see cref="StripeSandboxWebhookSender"/> delivers
/// signed. Only the calls the portal makes are implemented.
/// </summary>
public sealed class StripeSandbox(TimeProvider clock, IOptions<StripeSandboxOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _intents = [];
    private readonly Dictionary<string, JsonObject> _charges = [];
    private readonly Dictionary<string, JsonObject> _refunds = [];
    private readonly List<JsonObject> _payouts = [];
    private readonly List<JsonObject> _balanceTransactions = [];
    private readonly Dictionary<string, JsonObject> _events = [];
    private readonly Dictionary<string, (string Fingerprint, int Status, string Body)> _idempotent = [];
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>();

    /// <summary>Events waiting to be delivered, by id.</summary>
    public ChannelReader<string> PendingEvents => _outbox.Reader;

    /// <summary>The stored event as JSON, exactly as it is (re)delivered.</summary>
    public string EventJson(string eventId)
    {
        lock (_gate)
        {
            return _events[eventId].ToJsonString();
        }
    }

    public IReadOnlyList<string> EventIds(string? type = null)
    {
        lock (_gate)
        {
            return [.. _events.Values.Where(e => type is null || (string?)e["type"] == type).Select(e => (string)e["id"]!)];
        }
    }

    /// <summary>
    /// Runs one API call under the sandbox's lock, honouring Stripe's Idempotency-Key: the same key with the same
    /// request replays the first answer (and changes nothing); with a different request it is an error.
    /// </summary>
    public (int Status, string Body, bool Replayed) Execute(string? idempotencyKey, string fingerprint, Func<JsonObject> operation)
    {
        lock (_gate)
        {
            if (idempotencyKey is not null && _idempotent.TryGetValue(idempotencyKey, out var earlier))
            {
                return earlier.Fingerprint == fingerprint
                    ? (earlier.Status, earlier.Body, true)
                    : (400, new SandboxError(400, "idempotency_error", "idempotency_key_in_use",
                        "Keys for idempotent requests can only be used with the same parameters they were first used with.").Body.ToJsonString(), false);
            }

            (int Status, string Body) answer;
            try
            {
                answer = (200, operation().ToJsonString());
            }
            catch (SandboxError error)
            {
                answer = (error.Status, error.Body.ToJsonString());
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException)
            {
                answer = (500, new SandboxError(500, "api_error", "sandbox_error", ex.Message).Body.ToJsonString());
            }

            // Stripe does not store the result of a request that failed validation before anything happened, but
            // it does for errors after; the sandbox stores both, which is the stricter behaviour for retries.
            if (idempotencyKey is not null)
            {
                _idempotent[idempotencyKey] = (fingerprint, answer.Status, answer.Body);
            }

            return (answer.Status, answer.Body, false);
        }
    }

    public JsonObject CreateIntent(IReadOnlyDictionary<string, string> form)
    {
        var amount = RequiredAmount(form, "amount");
        var currency = Required(form, "currency").ToLowerInvariant();
        var types = Indexed(form, "allowed_payment_method_types");
        if (types.Count == 0)
        {
            types = Indexed(form, "payment_method_types");
        }

        var id = NewId("pi");
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = 0L,
            ["currency"] = currency,
            ["status"] = "requires_payment_method",
            ["client_secret"] = $"{id}_secret_{Random(16)}",
            ["capture_method"] = form.GetValueOrDefault("capture_method", "automatic"),
            ["description"] = form.GetValueOrDefault("description"),
            ["payment_method_types"] = new JsonArray([.. (types.Count == 0 ? ["card"] : types).Select(t => (JsonNode)t!)]),
            ["metadata"] = Metadata(form),
            ["latest_charge"] = null,
            ["last_payment_error"] = null,
            ["cancellation_reason"] = null,
            ["created"] = Now,
            ["livemode"] = false,
        };
        _intents[id] = intent;
        Publish("payment_intent.created", intent);
        return intent;
    }

    public JsonObject GetIntent(string id) => Intent(id);

    public JsonObject CancelIntent(string id, IReadOnlyDictionary<string, string> form)
    {
        var intent = Intent(id);
        var status = (string)intent["status"]!;
        if (status is "succeeded" or "canceled")
        {
            throw new SandboxError(400, "invalid_request_error", "payment_intent_unexpected_state",
                $"You cannot cancel this PaymentIntent because it has a status of {status}.");
        }

        intent["status"] = "canceled";
        intent["cancellation_reason"] = form.GetValueOrDefault("cancellation_reason", "requested_by_customer");
        Publish("payment_intent.canceled", intent);
        return intent;
    }

    /// <summary>The customer paid (pay page) or tapped a card (reader): a charge, its fee, and payment_intent.succeeded.</summary>
    public JsonObject SucceedIntent(string id, string paymentMethodType)
    {
        var intent = Intent(id);
        RequireOpen(intent);
        var amount = (long)intent["amount"]!;
        var chargeId = NewId("ch");
        var txn = AddBalanceTransaction("charge", amount, Fee(amount), chargeId);
        var charge = new JsonObject
        {
            ["id"] = chargeId,
            ["object"] = "charge",
            ["amount"] = amount,
            ["amount_captured"] = amount,
            ["amount_refunded"] = 0L,
            ["currency"] = (string)intent["currency"]!,
            ["payment_intent"] = id,
            ["paid"] = true,
            ["captured"] = true,
            ["refunded"] = false,
            ["status"] = "succeeded",
            ["balance_transaction"] = (string)txn["id"]!,
            ["payment_method_details"] = new JsonObject { ["type"] = paymentMethodType },
            ["metadata"] = intent["metadata"]!.DeepClone(),
            ["refunds"] = List("/v1/charges/" + chargeId + "/refunds", []),
            ["created"] = Now,
            ["livemode"] = false,
        };
        _charges[chargeId] = charge;
        intent["status"] = "succeeded";
        intent["amount_received"] = amount;
        intent["latest_charge"] = chargeId;
        intent["last_payment_error"] = null;
        Publish("charge.succeeded", charge);
        Publish("payment_intent.succeeded", intent);
        return intent;
    }

    /// <summary>The card was declined: the intent goes back to waiting for a payment method, as at Stripe.</summary>
    public JsonObject FailIntent(string id, string declineCode)
    {
        var intent = Intent(id);
        RequireOpen(intent);
        intent["status"] = "requires_payment_method";
        intent["last_payment_error"] = new JsonObject
        {
            ["type"] = "card_error",
            ["code"] = "card_declined",
            ["decline_code"] = declineCode,
            ["message"] = "Your card was declined.",
        };
        Publish("payment_intent.payment_failed", intent);
        return intent;
    }

    /// <summary>
    /// The simulated reader takes the intent and the customer taps at once, so a Terminal payment is confirmed
    /// by webhook just as with a real reader.
    /// </summary>
    public JsonObject ProcessOnReader(string readerId, IReadOnlyDictionary<string, string> form)
    {
        var intentId = Required(form, "payment_intent");
        var intent = Intent(intentId);
        if (!((JsonArray)intent["payment_method_types"]!).Any(t => (string?)t == "card_present"))
        {
            throw new SandboxError(400, "invalid_request_error", "parameter_invalid", "This PaymentIntent is not for card_present.", "payment_intent");
        }

        SucceedIntent(intentId, "card_present");
        return new JsonObject
        {
            ["id"] = readerId,
            ["object"] = "terminal.reader",
            ["device_type"] = "simulated_wisepos_e",
            ["label"] = "Sandbox reader",
            ["status"] = "online",
            ["livemode"] = false,
            ["action"] = new JsonObject
            {
                ["type"] = "process_payment_intent",
                ["status"] = "in_progress",
                ["process_payment_intent"] = new JsonObject { ["payment_intent"] = intentId },
            },
        };
    }

    public JsonObject CreateRefund(IReadOnlyDictionary<string, string> form)
    {
        var intent = Intent(Required(form, "payment_intent"));
        if ((string)intent["status"]! != "succeeded")
        {
            throw new SandboxError(400, "invalid_request_error", "charge_not_refundable", "This PaymentIntent has no successful charge to refund.", "payment_intent");
        }

        var charge = _charges[(string)intent["latest_charge"]!];
        var left = (long)charge["amount"]! - (long)charge["amount_refunded"]!;
        var amount = form.ContainsKey("amount") ? RequiredAmount(form, "amount") : left;
        if (amount > left)
        {
            throw new SandboxError(400, "invalid_request_error", "amount_too_large",
                $"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})", "amount");
        }

        var refundId = NewId("re");
        var refund = new JsonObject
        {
            ["id"] = refundId,
            ["object"] = "refund",
            ["amount"] = amount,
            ["currency"] = (string)charge["currency"]!,
            ["charge"] = (string)charge["id"]!,
            ["payment_intent"] = (string)intent["id"]!,
            ["status"] = "pending",
            ["metadata"] = Metadata(form),
            ["created"] = Now,
        };
        _refunds[refundId] = refund;
        var answer = refund.DeepClone().AsObject();

        // The bank confirms at once in the sandbox; the answer above still says pending, as Stripe's often does.
        AddBalanceTransaction("refund", -amount, 0, refundId);
        refund["status"] = "succeeded";
        charge["amount_refunded"] = (long)charge["amount_refunded"]! + amount;
        charge["refunded"] = (long)charge["amount_refunded"]! == (long)charge["amount"]!;
        ((JsonArray)charge["refunds"]!["data"]!).Add(refund.DeepClone());
        Publish("refund.updated", refund);
        Publish("charge.refunded", charge);
        return answer;
    }

    /// <summary>Pays out everything available, as Stripe's automatic payouts do each day.</summary>
    public JsonObject PayOut()
    {
        var open = _balanceTransactions.Where(t => t["payout"] is null && (string)t["type"]! != "payout").ToList();
        var net = open.Sum(t => (long)t["net"]!);
        if (net <= 0)
        {
            throw new SandboxError(400, "invalid_request_error", "balance_insufficient", "There is nothing available to pay out.");
        }

        var payoutId = NewId("po");
        foreach (var txn in open)
        {
            txn["payout"] = payoutId;
        }

        var payoutTxn = AddBalanceTransaction("payout", -net, 0, payoutId);
        payoutTxn["payout"] = payoutId;
        var payout = new JsonObject
        {
            ["id"] = payoutId,
            ["object"] = "payout",
            ["amount"] = net,
            ["currency"] = "cny",
            ["status"] = "paid",
            ["arrival_date"] = Now,
            ["balance_transaction"] = (string)payoutTxn["id"]!,
            ["created"] = Now,
            ["livemode"] = false,
        };
        _payouts.Add(payout);
        Publish("payout.created", payout);
        Publish("payout.paid", payout);
        return payout;
    }

    public JsonObject ListPayouts(IReadOnlyDictionary<string, string> query)
    {
        var since = query.TryGetValue("created[gte]", out var gte) ? long.Parse(gte) : 0;
        return List("/v1/payouts", _payouts.Where(p => (long)p["created"]! >= since).OrderByDescending(p => (long)p["created"]!));
    }

    public JsonObject ListBalanceTransactions(IReadOnlyDictionary<string, string> query)
    {
        var payout = query.GetValueOrDefault("payout");
        return List("/v1/balance_transactions", _balanceTransactions.Where(t => payout is null || (string?)t["payout"] == payout).AsEnumerable().Reverse());
    }

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    private long Fee(long amount) => (long)Math.Round(amount * options.Value.FeePerMille / 1000m, MidpointRounding.AwayFromZero);

    private JsonObject AddBalanceTransaction(string type, long amount, long fee, string source)
    {
        var txn = new JsonObject
        {
            ["id"] = NewId("txn"),
            ["object"] = "balance_transaction",
            ["type"] = type,
            ["reporting_category"] = type,
            ["amount"] = amount,
            ["fee"] = fee,
            ["net"] = amount - fee,
            ["currency"] = "cny",
            ["source"] = source,
            ["status"] = "available",
            ["payout"] = null,
            ["created"] = Now,
            ["available_on"] = Now,
        };
        _balanceTransactions.Add(txn);
        return txn;
    }

    private void Publish(string type, JsonObject snapshot)
    {
        var id = NewId("evt");
        _events[id] = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = Now,
            ["data"] = new JsonObject { ["object"] = snapshot.DeepClone() },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        _outbox.Writer.TryWrite(id);
    }

    private JsonObject Intent(string id) =>
        _intents.TryGetValue(id, out var intent)
            ? intent
            : throw new SandboxError(404, "invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'", "id");

    private static void RequireOpen(JsonObject intent)
    {
        var status = (string)intent["status"]!;
        if (status is "succeeded" or "canceled")
        {
            throw new SandboxError(400, "invalid_request_error", "payment_intent_unexpected_state",
                $"This PaymentIntent's status is {status}; it cannot be confirmed again.");
        }
    }

    private static JsonObject List(string url, IEnumerable<JsonObject> items) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]),
        ["has_more"] = false,
        ["url"] = url,
    };

    private static string Required(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new SandboxError(400, "invalid_request_error", "parameter_missing", $"Missing required param: {name}.", name);

    private static long RequiredAmount(IReadOnlyDictionary<string, string> form, string name) =>
        long.TryParse(Required(form, name), out var amount) && amount > 0
            ? amount
            : throw new SandboxError(400, "invalid_request_error", "parameter_invalid_integer", $"Invalid positive integer: {name}.", name);

    private static List<string> Indexed(IReadOnlyDictionary<string, string> form, string name) =>
        [.. form.Where(p => p.Key.StartsWith(name + "[", StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> form)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in form.Where(p => p.Key.StartsWith("metadata[", StringComparison.Ordinal) && p.Key.EndsWith(']')))
        {
            metadata[key["metadata[".Length..^1]] = value;
        }

        return metadata;
    }

    private static string NewId(string prefix) => $"{prefix}_{Random(24)}";

    private static string Random(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
