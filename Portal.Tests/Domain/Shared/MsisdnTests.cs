using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Tests.Domain.Shared;

public class MsisdnTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData(" 138 1234 5678 ")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("8613812345678")]
    public void Accepts_common_ways_of_writing_a_mobile_number(string input)
    {
        Assert.True(Msisdn.TryParse(input, out var phone, out _));
        Assert.Equal("13812345678", phone!.Value);
    }

    [Theory]
    [InlineData(null, "Phone number is required")]
    [InlineData("", "Phone number is required")]
    [InlineData("1381234567", "Phone number must have 11 digits (has 10)")]
    [InlineData("138123456789", "Phone number must have 11 digits (has 12)")]
    [InlineData("1381234567a", "Phone number may contain only digits")]
    [InlineData("12812345678", "Phone number must start with 13–19")]
    [InlineData("23812345678", "Phone number must start with 13–19")]
    public void Refuses_numbers_that_are_not_mainland_mobiles(string? input, string expectedError)
    {
        Assert.False(Msisdn.TryParse(input, out var phone, out var error));
        Assert.Null(phone);
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void Parse_throws_phone_invalid() =>
        Assert.Equal("phone.invalid", Assert.Throws<DomainException>(() => Msisdn.Parse("12345")).Code);

    [Fact]
    public void Masks_the_middle_four_digits() =>
        Assert.Equal("138****5678", Msisdn.Parse("13812345678").Masked);
}
