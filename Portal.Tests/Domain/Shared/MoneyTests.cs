using Portal.Domain.Shared;

namespace Portal.Tests.Domain.Shared;

public class MoneyTests
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("1.234", "1.23")]
    [InlineData("2.675", "2.68")]
    public void Rounds_to_fen_away_from_zero_on_creation(string input, string expected) =>
        Assert.Equal(decimal.Parse(expected), Money.Yuan(decimal.Parse(input)).Amount);

    [Fact]
    public void Adds_subtracts_and_multiplies_exactly() =>
        Assert.Equal(Money.Yuan(0.30m), (Money.Yuan(0.10m) * 3) + Money.Yuan(0.20m) - Money.Yuan(0.20m));

    [Fact]
    public void Equal_amounts_with_different_scale_are_equal()
    {
        Assert.Equal(Money.Yuan(58m), Money.Yuan(58.00m));
        Assert.Equal(Money.Yuan(58m).GetHashCode(), Money.Yuan(58.00m).GetHashCode());
    }

    [Fact]
    public void Compares_by_amount()
    {
        Assert.True(Money.Yuan(96) > Money.Yuan(58));
        Assert.True(Money.Zero <= Money.Yuan(0));
        Assert.Equal(Money.Yuan(58), Money.Min(Money.Yuan(96), Money.Yuan(58)));
    }

    [Theory]
    [InlineData("1234", "¥1,234.00")]
    [InlineData("0", "¥0.00")]
    [InlineData("-5.5", "-¥5.50")]
    [InlineData("1234567.891", "¥1,234,567.89")]
    public void Formats_as_yuan_with_thousands_separators(string amount, string expected) =>
        Assert.Equal(expected, Money.Yuan(decimal.Parse(amount)).ToString());

    [Fact]
    public void Formats_the_same_whatever_the_current_culture()
    {
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("¥1,234.50", Money.Yuan(1234.5m).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }
}
