using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Audit;

/// <summary>Cash counted at the desk, note by note: renminbi notes and coins in yuan.</summary>
public sealed record CashCount
{
    public static readonly IReadOnlyList<decimal> Denominations = [100m, 50m, 20m, 10m, 5m, 1m, 0.5m, 0.1m];

    private CashCount(IReadOnlyDictionary<decimal, int> pieces) => Pieces = pieces;

    public IReadOnlyDictionary<decimal, int> Pieces { get; }

    public Money Total => Money.Yuan(Pieces.Sum(p => p.Key * p.Value));

    public static CashCount Of(IEnumerable<KeyValuePair<decimal, int>> pieces)
    {
        var counted = new SortedDictionary<decimal, int>(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));
        foreach (var (denomination, count) in pieces)
        {
            if (!Denominations.Contains(denomination))
            {
                throw new DomainException("audit.unknown_denomination", $"¥{denomination} is not a renminbi note or coin");
            }

            if (count < 0 || count > 100_000)
            {
                throw new DomainException("audit.invalid_count", $"The count of ¥{denomination} must be between 0 and 100000 (was {count})");
            }

            if (count > 0)
            {
                counted[denomination] = counted.GetValueOrDefault(denomination) + count;
            }
        }

        return new CashCount(counted);
    }

    /// <summary>"100x3,0.5x2": how the count is stored.</summary>
    public override string ToString() =>
        string.Join(',', Pieces.Select(p => $"{p.Key.ToString(CultureInfo.InvariantCulture)}x{p.Value}"));

    public static CashCount Parse(string? text) =>
        Of(string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(',').Select(part => part.Split('x')).Select(p =>
                new KeyValuePair<decimal, int>(decimal.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture))));
}
