using Portal.Domain.Shared;

namespace Portal.Tests.Domain.Shared;

public class AddressTests
{
    [Fact]
    public void Trims_each_part_and_compares_by_value() =>
        Assert.Equal(Address.Create("广州", "天河区", "体育西路 1 号"), Address.Create(" 广州 ", "天河区 ", " 体育西路 1 号"));

    [Theory]
    [InlineData(" ", "天河区", "体育西路 1 号")]
    [InlineData("广州", "", "体育西路 1 号")]
    [InlineData("广州", "天河区", null)]
    public void Requires_city_district_and_line(string? city, string? district, string? line) =>
        DomainTestData.Throws(() => Address.Create(city, district, line), "address.invalid");

    [Fact]
    public void Refuses_an_address_line_over_200_characters() =>
        DomainTestData.Throws(() => Address.Create("广州", "天河区", new string('路', 201)), "address.invalid");
}

public class TrackingCodeTests
{
    [Fact]
    public void New_codes_are_well_formed_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => TrackingCode.New().Value).ToList();
        Assert.All(codes, c => Assert.True(TrackingCode.IsWellFormed(c), c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("ABCDEFGH2345")]
    public void Accepts_twelve_characters_from_the_alphabet(string code) => Assert.True(TrackingCode.IsWellFormed(code));

    [Theory]
    [InlineData("ABCDEFGH234")]
    [InlineData("ABCDEFGH23450")]
    [InlineData("ABCDEFGH234O")]
    [InlineData("ABCDEFGH2341")]
    [InlineData("ABCDEFGH234I")]
    [InlineData("abcdefgh2345")]
    [InlineData(null)]
    public void Refuses_wrong_length_look_alikes_and_lower_case(string? code) => Assert.False(TrackingCode.IsWellFormed(code));

    [Fact]
    public void TryParse_forgives_what_customers_type()
    {
        Assert.True(TrackingCode.TryParse(" abcdefgh2345 ", out var code));
        Assert.Equal("ABCDEFGH2345", code!.Value);
        Assert.False(TrackingCode.TryParse("ABCDEFGH234O", out _));
    }
}
