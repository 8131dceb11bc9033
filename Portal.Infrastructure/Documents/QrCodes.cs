using QRCoder;

namespace Portal.Infrastructure.Documents;

public static class QrCodes
{
    /// <summary>A QR code as a PNG data URI, small enough to sit beside a manifest stop and scan from paper.</summary>
    public static string PngDataUri(string text) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 4));
}
