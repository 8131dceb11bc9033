namespace Portal.Infrastructure.Payments;

/// <summary>The "Stripe" configuration section. Without a SecretKey the portal talks to its built-in sandbox.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>The key the gateway uses against the sandbox; the sandbox accepts any sk_test_ key.</summary>
    public const string SandboxSecretKey = "sk_test_portal_sandbox";

    public const string DevelopmentWebhookSecret = "whsec_portal_development";

    public string? SecretKey { get; set; }

    public string? PublishableKey { get; set; }

    public string WebhookSecret { get; set; } = DevelopmentWebhookSecret;

    /// <summary>Where Stripe's API is; only set for the sandbox (empty means api.stripe.com).</summary>
    public string? ApiBase { get; set; }

    /// <summary>With a publishable key the pay page mounts Stripe's Payment Element; card data never reaches the portal.</summary>
    public bool UsesPaymentElement => !string.IsNullOrWhiteSpace(PublishableKey);

    /// <summary>Objects per page when listing payouts and balance transactions (Stripe allows 1 to 100).</summary>
    public int ListPageSize { get; set; } = 100;

    public bool UsesSandbox => string.IsNullOrWhiteSpace(SecretKey);

    public string EffectiveSecretKey => UsesSandbox ? SandboxSecretKey : SecretKey!;
}
