using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Payments;

/// <summary>
/// Signs a webhook payload the way Stripe does: <c>t={unix seconds},v1={hex HMAC-SHA256 of "t.payload" keyed by the
/// endpoint secret}</c>. Written from Stripe's documented scheme (not Stripe.net's helper) so verifying it with
/// <c>EventUtility.ConstructEvent</c> proves the wire format.
/// </summary>
public static class StripeSignature
{
    public const string Header = "Stripe-Signature";

    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
