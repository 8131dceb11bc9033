using Portal.Domain.KeyMoments;
using Portal.Domain.Shared;

namespace Portal.Tests.Domain.KeyMoments;

public sealed class PlanAdvisorTests
{
    private static readonly PlanOption Plan58 = new("PLAN-5G-58", Money.Yuan(58), 8);
    private static readonly PlanOption Plan88 = new("PLAN-5G-88", Money.Yuan(88), 20);
    private static readonly PlanOption Plan128 = new("PLAN-5G-128", Money.Yuan(128), 40);
    private static readonly PlanOption Plan38 = new("PLAN-4G-38", Money.Yuan(38), 4);
    private static readonly PlanOption[] Plans = [Plan38, Plan58, Plan88, Plan128];

    private static UsageMonth Month(int month, decimal usedGb, decimal bill) =>
        new(new DateOnly(2025, month, 1), (int)(usedGb * 1024), 8 * 1024, Money.Yuan(bill));

    [Fact]
    public void Over_the_quota_in_three_of_four_months_suggests_the_cheapest_plan_that_covers_the_heaviest_month()
    {
        UsageMonth[] history = [Month(2, 10.8m, 100), Month(3, 11.0m, 104), Month(4, 6m, 58), Month(5, 11.8m, 110)];

        var suggestion = PlanAdvisor.Suggest(history, Plan58, Plans);

        Assert.NotNull(suggestion);
        Assert.Equal(Plan88, suggestion.To);
        Assert.Equal("Used 11.2 GB of 8 GB in 3 of the last 4 months", suggestion.Reasoning.Text);
        // Paid 93 a month on average; the 88 plan saves 5.
        Assert.Equal(Money.Yuan(-5), suggestion.MonthlyChange);
    }

    [Fact]
    public void Using_under_half_the_quota_every_month_suggests_a_cheaper_plan_with_headroom()
    {
        var rich = new PlanOption("PLAN-5G-128", Money.Yuan(128), 40);
        UsageMonth[] history = [Month(3, 2.9m, 128), Month(4, 3.1m, 128), Month(5, 2.5m, 128)];

        var suggestion = PlanAdvisor.Suggest(history, rich, Plans);

        Assert.NotNull(suggestion);
        Assert.Equal(Plan38, suggestion.To);
        Assert.Equal(Money.Yuan(-90), suggestion.MonthlyChange);
        Assert.Equal("Used at most 3.1 GB of 40 GB in each of the last 3 months", suggestion.Reasoning.Text);
    }

    [Fact]
    public void Usage_that_fits_the_plan_or_too_short_a_history_suggests_nothing()
    {
        Assert.Null(PlanAdvisor.Suggest([Month(3, 6m, 58), Month(4, 9m, 70), Month(5, 7m, 58)], Plan58, Plans));
        Assert.Null(PlanAdvisor.Suggest([Month(4, 12m, 100), Month(5, 12m, 100)], Plan58, Plans));
    }
}
