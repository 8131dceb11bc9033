using Portal.Domain.Shared;

namespace Portal.Tests.Domain.Shared;

public class ResidentIdTests
{
    private static string WithCheckCharacter(string first17) => first17 + ResidentId.CheckCharacterFor(first17);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440106199003071231")]
    public void Accepts_numbers_with_a_correct_check_character(string input)
    {
        Assert.True(ResidentId.TryParse(input, out var id, out var error), error);
        Assert.Equal(input, id!.Value);
    }

    [Fact]
    public void Normalises_a_lowercase_x_check_character()
    {
        Assert.True(ResidentId.TryParse(" 11010519491231002x ", out var id, out _));
        Assert.Equal("11010519491231002X", id!.Value);
    }

    [Fact]
    public void Reads_the_birth_date() =>
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentId.Parse("11010519491231002X").BirthDate);

    [Theory]
    [InlineData("11010519491231002", "ID number must be 18 characters")]
    [InlineData("11010519491231002XX", "ID number must be 18 characters")]
    [InlineData("110105194912310021", "ID number check digit is wrong")]
    [InlineData("1101051949123100XX", "ID number must be 17 digits followed by a digit or X")]
    public void Refuses_malformed_numbers_with_a_specific_reason(string input, string expectedError)
    {
        Assert.False(ResidentId.TryParse(input, out _, out var error));
        Assert.Equal(expectedError, error);
    }

    [Theory]
    [InlineData("11010519490230001")] // 30 February
    [InlineData("11010529990101001")] // born in the future
    [InlineData("11010518991231001")] // before 1900
    public void Refuses_an_impossible_birth_date_even_with_a_correct_check_character(string first17)
    {
        Assert.False(ResidentId.TryParse(WithCheckCharacter(first17), new DateOnly(2026, 11, 30), out _, out var error));
        Assert.Equal("ID number contains an invalid birth date", error);
    }

    [Fact]
    public void Masks_all_but_the_first_and_last_four_characters()
    {
        var id = ResidentId.Parse("11010519491231002X");
        Assert.Equal("1101**********002X", id.Masked);
        Assert.Equal(id.Masked, id.ToString());
    }
}
