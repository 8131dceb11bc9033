using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Portal.Domain.Shared;

/// <summary>The code a customer types on the public tracking page; unguessable, so it can be shared by SMS.</summary>
public sealed record TrackingCode
{
    // No 0/O, 1/I/L: customers read these codes off an SMS and type them by hand.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Length = 12;

    private TrackingCode(string value) => Value = value;

    public string Value { get; }

    public static TrackingCode New() => new(new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length)));

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>Accepts what a customer typed: surrounding spaces and lower case are forgiven.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out TrackingCode? code)
    {
        var normalised = input?.Trim().ToUpperInvariant();
        code = IsWellFormed(normalised) ? new TrackingCode(normalised!) : null;
        return code is not null;
    }

    public override string ToString() => Value;
}
