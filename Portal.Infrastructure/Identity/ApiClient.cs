using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// An integration client calling /api/v1 with an X-Api-Key header. Only a SHA-256 hash of the key is stored,
/// so a leaked database does not leak working keys. Scopes name the API areas the client may call.
/// </summary>
public class ApiClient
{
    private ApiClient() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public bool IsActive { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Space-separated scope names, e.g. "intake crm".</summary>
    public string Scopes { get; private set; } = "";

    public DateTime? RotatedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static ApiClient Create(string name, string key, DateTime nowUtc, IEnumerable<string>? scopes = null) => new()
    {
        Name = name,
        KeyHash = Hash(key),
        IsActive = true,
        CreatedAtUtc = nowUtc,
        Scopes = string.Join(' ', (scopes ?? [ApiScopes.Intake]).Distinct().Order()),
    };

    /// <summary>The old key stops working at once; the new one is shown to the administrator once.</summary>
    public void Rotate(string newKey, DateTime nowUtc)
    {
        KeyHash = Hash(newKey);
        RotatedAtUtc = nowUtc;
    }

    /// <summary>Every key check reads the client from the database, so new scopes count from its next call.</summary>
    public void ChangeScopes(IEnumerable<string> scopes) => Scopes = string.Join(' ', scopes.Distinct().Order());

    public void Revoke(DateTime nowUtc)
    {
        IsActive = false;
        RevokedAtUtc ??= nowUtc;
    }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, URL-safe, prefixed so a leaked key is recognisable in logs and scanners.</summary>
    public static string NewKey() =>
        "msp_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The API areas a client can be given. Keys are checked for the scope of every endpoint group.</summary>
public static class ApiScopes
{
    public const string Intake = "intake";
    public const string Finance = "finance";
    public const string Deliveries = "deliveries";
    public const string Crm = "crm";

    public const string ClaimType = "scope";

    public static readonly IReadOnlyList<string> All = [Intake, Finance, Deliveries, Crm];
}
