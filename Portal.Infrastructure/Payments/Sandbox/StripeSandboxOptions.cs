namespace Portal.Infrastructure.Payments.Sandbox;

/// <summary>The "Stripe:Sandbox" section: where the sandbox sends its signed webhooks.</summary>
public sealed class StripeSandboxOptions
{
    public const string Section = "Stripe:Sandbox";

    /// <summary>Absolute URL of the webhook endpoint; empty means this portal's own /api/v1/webhooks/stripe.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Stripe's fee the sandbox charges, in thousandths of the amount (6 = 0.6%).</summary>
    public int FeePerMille { get; set; } = 6;
}
