using System.Diagnostics.CodeAnalysis;
using Portal.Domain.Common;

namespace Portal.Domain.Shared;

/// <summary>A mainland China mobile number: 11 digits, 1 then 3–9.</summary>
public sealed record Msisdn
{
    private Msisdn(string value) => Value = value;

    public string Value { get; }

    public string Masked => $"{Value[..3]}****{Value[7..]}";

    public static bool TryParse(string? input, [NotNullWhen(true)] out Msisdn? phone, out string error)
    {
        phone = null;
        var digits = (input ?? string.Empty).Replace(" ", string.Empty).Replace("-", string.Empty);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length == 0)
        {
            error = "Phone number is required";
            return false;
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            error = "Phone number may contain only digits";
            return false;
        }

        if (digits.Length != 11)
        {
            error = $"Phone number must have 11 digits (has {digits.Length})";
            return false;
        }

        if (digits[0] != '1' || digits[1] < '3')
        {
            error = "Phone number must start with 13–19";
            return false;
        }

        phone = new Msisdn(digits);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// What replaces a number when its customer is anonymised: "10" and the record's id. No mobile number starts
    /// with 10, so it can never be a real person's, and it stays unique where the number is.
    /// </summary>
    public static Msisdn Anonymous(long recordId) =>
        recordId is > 0 and < 1_000_000_000
            ? new Msisdn($"10{recordId:D9}")
            : throw new DomainException("phone.invalid", "Only a stored record can be anonymised");

    public bool IsAnonymous => Value.StartsWith("10", StringComparison.Ordinal);

    /// <summary>Reads a stored number: a valid mobile number or an anonymised one.</summary>
    public static Msisdn FromStored(string stored) =>
        stored.Length == 11 && stored.StartsWith("10", StringComparison.Ordinal) && stored.All(char.IsAsciiDigit) ? new Msisdn(stored) : Parse(stored);

    public static Msisdn Parse(string? input) =>
        TryParse(input, out var phone, out var error) ? phone : throw new DomainException("phone.invalid", error);

    public override string ToString() => Value;
}
