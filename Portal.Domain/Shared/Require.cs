using Portal.Domain.Common;

namespace Portal.Domain.Shared;

/// <summary>Argument checks shared by the aggregates, so every rule fails with the same shape of message.</summary>
internal static class Require
{
    public static string Text(string? value, string what, int maxLength, string code)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(code, $"{what} is required");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(code, $"{what} must be at most {maxLength} characters");
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string what, int maxLength, string code) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, what, maxLength, code);

    public static string Actor(string? actor) => Text(actor, "Acting user", 100, "actor.required");

    public static int PositiveQuantity(int quantity, string code)
    {
        if (quantity <= 0)
        {
            throw new DomainException(code, $"Quantity must be greater than zero (was {quantity})");
        }

        return quantity;
    }

    public static Money NotNegative(Money amount, string what, string code)
    {
        if (amount < Money.Zero)
        {
            throw new DomainException(code, $"{what} cannot be negative (was {amount})");
        }

        return amount;
    }
}
