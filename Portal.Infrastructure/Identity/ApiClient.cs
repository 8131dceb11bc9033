using System.Security.Cryptography;
using System.Text;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// An integration client calling /api/v1 with an X-Api-Key header. Only a SHA-256 hash of the key is stored,
/// so a leaked database does not leak working keys.
/// </summary>
public class ApiClient
{
    private ApiClient() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    public bool IsActive { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public static ApiClient Create(string name, string key, DateTime nowUtc) => new()
    {
        Name = name,
        KeyHash = Hash(key),
        IsActive = true,
        CreatedAtUtc = nowUtc,
    };

    public void Revoke() => IsActive = false;

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
