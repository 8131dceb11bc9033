using System.Security.Cryptography;

namespace Portal.Web.Features.Delivery;

/// <summary>The customer's signature arrives from the canvas as a PNG data URL; it is checked before it is kept.</summary>
internal static class Signatures
{
    private const string Prefix = "data:image/png;base64,";
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPngDataUrl(string? dataUrl)
    {
        if (dataUrl is null || !dataUrl.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var bytes = new byte[dataUrl.Length];
        return Convert.TryFromBase64String(dataUrl[Prefix.Length..], bytes, out var written)
            && written > PngMagic.Length
            && bytes.AsSpan(0, PngMagic.Length).SequenceEqual(PngMagic);
    }

    public static string Reference(string dataUrl) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(dataUrl[Prefix.Length..])));
}
