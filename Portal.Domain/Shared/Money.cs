using System.Globalization;

namespace Portal.Domain.Shared;

/// <summary>An amount of Chinese yuan (CNY), the only currency the portal sells in; always whole fen (2 decimal places).</summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal amount) => Amount = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    public decimal Amount { get; }

    public static Money Zero => default;

    public static Money Yuan(decimal amount) => new(amount);

    /// <summary>Whole fen, as payment providers count CNY.</summary>
    public static Money FromMinorUnits(long fen) => new(fen / 100m);

    public long ToMinorUnits() => (long)(Amount * 100m);

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount);

    public static Money operator *(Money money, int factor) => new(money.Amount * factor);

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    public static Money Min(Money left, Money right) => left <= right ? left : right;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    // Formatted the same in every UI culture so receipts and exports never show "1.234,00".
    public override string ToString() =>
        (Amount < 0 ? "-¥" : "¥") + Math.Abs(Amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
