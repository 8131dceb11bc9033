using Portal.Domain.Catalog;
using Portal.Domain.Shared;

namespace Portal.Domain.Inventory;

/// <summary>Format rules for the serials a courier hands over: IMEI for handsets, ICCID for SIM cards.</summary>
public static class SerialNumbers
{
    public static bool IsValidImei(string? imei) => imei is { Length: 15 } && Luhn.IsValid(imei);

    public static bool IsValidIccid(string? iccid) =>
        iccid is { Length: 19 or 20 } && iccid.StartsWith("89", StringComparison.Ordinal) && iccid.All(char.IsAsciiDigit);

    /// <summary>Null when <paramref name="serial"/> is a valid serial for <paramref name="kind"/>, otherwise why not.</summary>
    public static string? Problem(ProductKind kind, string? serial) => kind switch
    {
        ProductKind.Handset when serial is null || serial.Length != 15 || !serial.All(char.IsAsciiDigit) =>
            "IMEI must be 15 digits",
        ProductKind.Handset when !Luhn.IsValid(serial) => "IMEI check digit is wrong",
        ProductKind.Handset => null,
        ProductKind.Sim when !IsValidIccid(serial) => "ICCID must be 19–20 digits starting with 89",
        ProductKind.Sim => null,
        _ => $"{kind} products are not tracked by serial",
    };
}
