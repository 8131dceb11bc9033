using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Shared;

/// <summary>An 18-character PRC resident identity card number (GB 11643), as checked at real-name registration.</summary>
public sealed record ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentId(string value) => Value = value;

    public string Value { get; }

    public DateOnly BirthDate => DateOnly.ParseExact(Value.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public string Masked => Value[..4] + new string('*', 10) + Value[^4..];

    public static char CheckCharacterFor(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Checks the format and that the birth date is a real date from 1900 on; a future birth date needs <paramref name="today"/>.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out ResidentId? id, out string error) =>
        TryParse(input, DateOnly.MaxValue, out id, out error);

    /// <summary>As above, also refusing a birth date after <paramref name="today"/> (China's calendar day).</summary>
    public static bool TryParse(string? input, DateOnly today, [NotNullWhen(true)] out ResidentId? id, out string error)
    {
        id = null;
        var value = (input ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            error = "ID number must be 18 characters";
            return false;
        }

        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            error = "ID number must be 17 digits followed by a digit or X";
            return false;
        }

        if (CheckCharacterFor(value) != value[17])
        {
            error = "ID number check digit is wrong";
            return false;
        }

        if (!DateOnly.TryParseExact(value.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900
            || birth > today)
        {
            error = "ID number contains an invalid birth date";
            return false;
        }

        id = new ResidentId(value);
        error = string.Empty;
        return true;
    }

    public static ResidentId Parse(string? input) =>
        TryParse(input, out var id, out var error) ? id : throw new DomainException("id_number.invalid", error);

    public override string ToString() => Masked;
}
