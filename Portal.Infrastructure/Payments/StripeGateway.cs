using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Domain.Shared;
using Stripe;
using Stripe.Terminal;

namespace Portal.Infrastructure.Payments;

/// <summary>
/// The gateway on Stripe.net. The same code talks to api.stripe.com or, without a secret key, to the built-in
/// sandbox at <see cref="StripeOptions.ApiBase"/>: only the base address differs.
/// </summary>
public sealed class StripeGateway(HttpClient httpClient, IOptions<StripeOptions> options, IServer? server = null) : IPaymentGateway
{
    public const string Currency = "cny";
    public const string OrderNumberKey = "order_number";
    public const string PaymentKeyKey = "payment_key";
    public const string RefundKeyKey = "refund_key";
    public static readonly string[] OnlineMethods = ["card", "alipay", "wechat_pay"];

    private StripeClient? _stripeClient;

    // Built on first use: the sandbox's address is the portal's own, known only once the server listens.
    private StripeClient Client => _stripeClient ??= new StripeClient(new StripeClientOptions
    {
        ApiKey = options.Value.EffectiveSecretKey,
        ApiBase = ResolveApiBase(options.Value, server),
        HttpClient = new SystemNetHttpClient(httpClient, maxNetworkRetries: 2),
    });

    public async Task<ProviderIntent> CreateOnlineIntentAsync(Guid paymentKey, string orderNumber, Money amount, CancellationToken cancellationToken)
    {
        var intent = await Client.V1.PaymentIntents.CreateAsync(
            new PaymentIntentCreateOptions
            {
                Amount = amount.ToMinorUnits(),
                Currency = Currency,
                AllowedPaymentMethodTypes = [.. OnlineMethods],
                Description = $"Order {orderNumber}",
                Metadata = Tags(orderNumber, paymentKey),
            },
            Keyed(paymentKey, "create"),
            cancellationToken);
        return ToIntent(intent);
    }

    public async Task<ProviderIntent> StartTerminalPaymentAsync(
        Guid paymentKey, string orderNumber, Money amount, string readerId, CancellationToken cancellationToken)
    {
        var intent = await Client.V1.PaymentIntents.CreateAsync(
            new PaymentIntentCreateOptions
            {
                Amount = amount.ToMinorUnits(),
                Currency = Currency,
                AllowedPaymentMethodTypes = ["card_present"],
                CaptureMethod = "automatic",
                Description = $"Order {orderNumber}",
                Metadata = Tags(orderNumber, paymentKey),
            },
            Keyed(paymentKey, "create"),
            cancellationToken);
        await Client.V1.Terminal.Readers.ProcessPaymentIntentAsync(
            readerId,
            new ReaderProcessPaymentIntentOptions { PaymentIntent = intent.Id },
            Keyed(paymentKey, "process"),
            cancellationToken);
        return ToIntent(intent);
    }

    public async Task<string> GetClientSecretAsync(string intentId, CancellationToken cancellationToken) =>
        (await Client.V1.PaymentIntents.GetAsync(intentId, cancellationToken: cancellationToken)).ClientSecret
        ?? throw new InvalidOperationException($"Stripe returned {intentId} without its client secret");

    public async Task<ProviderIntent> CancelIntentAsync(Guid paymentKey, string intentId, CancellationToken cancellationToken) =>
        ToIntent(await Client.V1.PaymentIntents.CancelAsync(
            intentId, new PaymentIntentCancelOptions { CancellationReason = "abandoned" }, Keyed(paymentKey, "cancel"), cancellationToken));

    public async Task<ProviderRefund> RefundAsync(Guid refundKey, string intentId, Money amount, string orderNumber, CancellationToken cancellationToken)
    {
        var refund = await Client.V1.Refunds.CreateAsync(
            new RefundCreateOptions
            {
                PaymentIntent = intentId,
                Amount = amount.ToMinorUnits(),
                Metadata = new Dictionary<string, string> { [OrderNumberKey] = orderNumber, [RefundKeyKey] = refundKey.ToString() },
            },
            Keyed(refundKey, "refund"),
            cancellationToken);
        return new ProviderRefund(refund.Id, refund.Status);
    }

    public async Task<IReadOnlyList<ProviderPayout>> ListPayoutsAsync(DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var payouts = new List<ProviderPayout>();
        var list = Client.V1.Payouts.ListAutoPagingAsync(
            new PayoutListOptions { Created = new DateRangeOptions { GreaterThanOrEqual = sinceUtc }, Limit = options.Value.ListPageSize },
            cancellationToken: cancellationToken);
        await foreach (var payout in list.WithCancellation(cancellationToken))
        {
            payouts.Add(new ProviderPayout(payout.Id, Money.FromMinorUnits(payout.Amount), payout.Status, payout.ArrivalDate, payout.Created));
        }

        return payouts;
    }

    public async Task<IReadOnlyList<ProviderBalanceTransaction>> ListBalanceTransactionsAsync(string? payoutId, CancellationToken cancellationToken)
    {
        var transactions = new List<ProviderBalanceTransaction>();
        var list = Client.V1.BalanceTransactions.ListAutoPagingAsync(
            // The source expanded, so a charge or refund names its PaymentIntent (our payment's reference) at once.
            new BalanceTransactionListOptions { Payout = payoutId, Limit = options.Value.ListPageSize, Expand = ["data.source"] },
            cancellationToken: cancellationToken);
        await foreach (var txn in list.WithCancellation(cancellationToken))
        {
            transactions.Add(new ProviderBalanceTransaction(
                txn.Id,
                txn.Type,
                Money.FromMinorUnits(txn.Amount),
                Money.FromMinorUnits(txn.Fee),
                Money.FromMinorUnits(txn.Net),
                txn.SourceId,
                payoutId,
                txn.Created,
                txn.Source switch
                {
                    Charge charge => charge.PaymentIntentId,
                    Refund refund => refund.PaymentIntentId,
                    _ => null,
                }));
        }

        return transactions;
    }

    /// <summary>Stripe's API address: configured, api.stripe.com (null), or the built-in sandbox on this server.</summary>
    internal static string? ResolveApiBase(StripeOptions options, IServer? server)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiBase))
        {
            return options.ApiBase.TrimEnd('/');
        }

        if (!options.UsesSandbox)
        {
            return null;
        }

        var own = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set Stripe:ApiBase: the server has no address for the built-in sandbox");
        return LocalAddress(own) + Sandbox.StripeSandboxEndpoints.DefaultPrefix;
    }

    /// <summary>A listening address ("http://+:5000", "http://0.0.0.0:5000") as something this machine can call.</summary>
    public static string LocalAddress(string listening) =>
        listening.Replace("//+:", "//127.0.0.1:").Replace("//*:", "//127.0.0.1:").Replace("//0.0.0.0:", "//127.0.0.1:").Replace("//[::]:", "//127.0.0.1:").TrimEnd('/');

    /// <summary>One key per (our id, operation): a retry of the same operation replays, another operation is new.</summary>
    public static string IdempotencyKey(Guid ourId, string operation) => $"{ourId:N}-{operation}";

    private static RequestOptions Keyed(Guid ourId, string operation) => new() { IdempotencyKey = IdempotencyKey(ourId, operation) };

    private static Dictionary<string, string> Tags(string orderNumber, Guid paymentKey) =>
        new() { [OrderNumberKey] = orderNumber, [PaymentKeyKey] = paymentKey.ToString() };

    private static ProviderIntent ToIntent(PaymentIntent intent) => new(intent.Id, intent.Status, intent.ClientSecret);
}
