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

    /// <summary>Pays out everything available now (a test helper, like an instant payout).</summary>
    public JsonObject PayOut()
    {
        var open = OpenTransactions().ToList();
        var net = open.Sum(t => (long)t["net"]!);
        return net > 0
            ? CreatePayout(open, net, Now)
            : throw new SandboxError(400, "invalid_request_error", "balance_insufficient", "There is nothing available to pay out.");
    }

    /// <summary>
    /// Stripe's automatic daily payouts: each finished business day (China time, the account's zone) with money in
    /// it is paid out at the start of the next day — that day's charges less their fees and its refunds. A day
    /// whose refunds outweigh its charges waits for the next one, as Stripe carries a negative balance forward.
    /// </summary>
    public void PayOutFinishedDays()
    {
        var today = ChinaDay(Now);
        var days = OpenTransactions().GroupBy(t => ChinaDay((long)t["created"]!)).Where(d => d.Key < today).OrderBy(d => d.Key);
        var carried = new List<JsonObject>();
        foreach (var day in days)
        {
            carried.AddRange(day);
            var net = carried.Sum(t => (long)t["net"]!);
            if (net > 0)
            {
                CreatePayout(carried, net, new DateTimeOffset(day.Key.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUnixTimeSeconds());
                carried = [];
            }
        }
    }

    public JsonObject ListPayouts(IReadOnlyDictionary<string, string> query)
    {
        PayOutFinishedDays();
        var since = query.TryGetValue("created[gte]", out var gte) ? long.Parse(gte) : long.MinValue;
        var before = query.TryGetValue("created[lt]", out var lt) ? long.Parse(lt) : long.MaxValue;
        return Page("/v1/payouts", Enumerable.Reverse(_payouts).Where(p => (long)p["created"]! >= since && (long)p["created"]! < before), query);
    }

    public JsonObject ListBalanceTransactions(IReadOnlyDictionary<string, string> query)
    {
        PayOutFinishedDays();
        var payout = query.GetValueOrDefault("payout");
        var page = Page("/v1/balance_transactions", Enumerable.Reverse(_balanceTransactions).Where(t => payout is null || (string?)t["payout"] == payout), query);
        if (query.Any(p => p.Key.StartsWith("expand[", StringComparison.Ordinal) && p.Value == "data.source"))
        {
            foreach (var txn in ((JsonArray)page["data"]!).Select(t => t!.AsObject()))
            {
                txn["source"] = SourceObject((string)txn["source"]!)?.DeepClone() ?? txn["source"]!.DeepClone();
            }
        }

        return page;
    }

    private IEnumerable<JsonObject> OpenTransactions() => _balanceTransactions.Where(t => t["payout"] is null && (string)t["type"]! != "payout");

    private JsonObject CreatePayout(IReadOnlyList<JsonObject> transactions, long net, long created)
    {
        var payoutId = NewId("po");
        foreach (var txn in transactions)
        {
            txn["payout"] = payoutId;
        }

        var payoutTxn = AddBalanceTransaction("payout", -net, 0, payoutId, created);
        payoutTxn["payout"] = payoutId;
        var payout = new JsonObject
        {
            ["id"] = payoutId,
            ["object"] = "payout",
            ["amount"] = net,
            ["currency"] = "cny",
            ["status"] = "paid",
            ["automatic"] = true,
            ["method"] = "standard",
            ["arrival_date"] = created,
            ["balance_transaction"] = (string)payoutTxn["id"]!,
            ["created"] = created,
            ["livemode"] = false,
        };
        _payouts.Add(payout);
        Publish("payout.created", payout);
        Publish("payout.paid", payout);
        return payout;
    }

    private JsonObject? SourceObject(string id) =>
        _charges.GetValueOrDefault(id) ?? _refunds.GetValueOrDefault(id) ?? _payouts.FirstOrDefault(p => (string)p["id"]! == id);

    private static DateOnly ChinaDay(long unixSeconds) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(TimeSpan.FromHours(8)).DateTime);

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    private long Fee(long amount) => (long)Math.Round(amount * options.Value.FeePerMille / 1000m, MidpointRounding.AwayFromZero);

    private JsonObject AddBalanceTransaction(string type, long amount, long fee, string source, long? created = null)
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
            ["created"] = created ?? Now,
            ["available_on"] = created ?? Now,
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

    /// <summary>Stripe's cursor paging: newest first, <c>limit</c> (1–100, default 10) after the <c>starting_after</c> id.</summary>
    private static JsonObject Page(string url, IEnumerable<JsonObject> newestFirst, IReadOnlyDictionary<string, string> query)
    {
        var limit = query.TryGetValue("limit", out var text) ? int.TryParse(text, out var l) && l is >= 1 and <= 100 ? l
            : throw new SandboxError(400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: limit (1 to 100).", "limit") : 10;
        var items = newestFirst.ToList();
        if (query.TryGetValue("starting_after", out var after))
        {
            var index = items.FindIndex(i => (string)i["id"]! == after);
            items = index < 0
                ? throw new SandboxError(404, "invalid_request_error", "resource_missing", $"No such object: '{after}'", "starting_after")
                : items[(index + 1)..];
        }

        var page = List(url, items.Take(limit));
        page["has_more"] = items.Count > limit;
        return page;
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
