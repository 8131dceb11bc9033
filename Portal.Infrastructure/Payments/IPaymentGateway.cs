using Portal.Domain.Shared;

namespace Portal.Infrastructure.Payments;

/// <summary>A PaymentIntent as far as the portal cares: its id, and the secret the pay page confirms it with.</summary>
public sealed record ProviderIntent(string Id, string Status, string? ClientSecret);

public sealed record ProviderRefund(string Id, string Status);

public sealed record ProviderPayout(string Id, Money Amount, string Status, DateTime ArrivalUtc, DateTime CreatedUtc);

/// <summary>A movement of Stripe's balance; <paramref name="PaymentIntent"/> is the intent behind a charge or refund.</summary>
public sealed record ProviderBalanceTransaction(
    string Id, string Type, Money Amount, Money Fee, Money Net, string? Source, string? PayoutId, DateTime CreatedUtc, string? PaymentIntent = null);

/// <summary>
/// Everything the portal asks of Stripe. Every call that creates or changes something carries an idempotency
/// key derived from our own payment or refund id, so a retried call (by us or by Stripe.net) can never charge
/// or refund twice.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>An intent for the public pay page: card, Alipay and WeChat Pay, in CNY fen, tagged with the order.</summary>
    Task<ProviderIntent> CreateOnlineIntentAsync(Guid paymentKey, string orderNumber, Money amount, CancellationToken cancellationToken);

    /// <summary>A card_present intent handed to the station's Terminal reader, which the customer taps.</summary>
    Task<ProviderIntent> StartTerminalPaymentAsync(
        Guid paymentKey, string orderNumber, Money amount, string readerId, CancellationToken cancellationToken);

    /// <summary>The intent's client secret, read back from Stripe: the pay page's Payment Element confirms with it.</summary>
    Task<string> GetClientSecretAsync(string intentId, CancellationToken cancellationToken);

    Task<ProviderIntent> CancelIntentAsync(Guid paymentKey, string intentId, CancellationToken cancellationToken);

    Task<ProviderRefund> RefundAsync(Guid refundKey, string intentId, Money amount, string orderNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProviderPayout>> ListPayoutsAsync(DateTime sinceUtc, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProviderBalanceTransaction>> ListBalanceTransactionsAsync(string? payoutId, CancellationToken cancellationToken);
}
