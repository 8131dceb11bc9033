using Portal.Domain.Orders;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Orders;

public class DeliveryWindowTests
{
    [Fact]
    public void Parses_a_time_range()
    {
        var window = DeliveryWindow.Parse(new DateOnly(2025, 6, 2), " 9:00 - 12:30 ");
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(12, 30)), (window.From, window.To));
        Assert.Equal("2025-06-02 09:00-12:30", window.ToString());
    }

    [Theory]
    [InlineData("18:00-14:00")]
    [InlineData("14:00-14:00")]
    [InlineData("14:00")]
    [InlineData("25:00-26:00")]
    public void Refuses_ranges_that_do_not_end_after_they_start(string range) =>
        Throws(() => DeliveryWindow.Parse(new DateOnly(2025, 6, 2), range), "delivery_window.invalid");

    [Fact]
    public void Is_in_the_past_by_the_date_in_china_not_utc()
    {
        // 17:00 UTC on 1 June is already 01:00 on 2 June in China.
        var lateEveningUtc = new DateTime(2025, 6, 1, 17, 0, 0, DateTimeKind.Utc);
        var firstOfJune = DeliveryWindow.Parse(new DateOnly(2025, 6, 1), "14:00-18:00");
        var secondOfJune = DeliveryWindow.Parse(new DateOnly(2025, 6, 2), "09:00-12:00");

        Assert.True(firstOfJune.IsInPast(lateEveningUtc));
        Assert.False(secondOfJune.IsInPast(lateEveningUtc));
        Assert.False(firstOfJune.IsInPast(new DateTime(2025, 6, 1, 15, 59, 0, DateTimeKind.Utc)));
    }
}
