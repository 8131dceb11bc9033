using Portal.Domain.Audit;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Audit;

public class VarianceTests
{
    private static readonly DateOnly Day = new(2025, 5, 31);
    private static readonly Money Threshold = Money.Yuan(10);

    private static Variance Short(decimal yuan) =>
        Variance.Raise(Guid.NewGuid(), AuditTier.Courier, Day, "handover:1", Money.Yuan(-yuan), "note torn", "cashier.chen", "cashier.chen", Threshold, Now);

    [Fact]
    public void A_small_difference_is_settled_by_its_reason()
    {
        var variance = Short(10);
        Assert.Equal(VarianceStatus.Accepted, variance.Status);
        Assert.True(variance.IsResolved);
    }

    [Fact]
    public void Above_the_threshold_the_counter_cannot_approve_their_own_variance()
    {
        var variance = Short(10.01m);
        Assert.Equal(VarianceStatus.AwaitingApproval, variance.Status);

        Throws(() => variance.Approve("CASHIER.CHEN", Now), "audit.four_eyes");
        variance.Approve("finance.zhou", Now);
        Assert.True(variance.IsResolved);
        Throws(() => variance.Approve("finance.zhou", Now), "audit.not_awaiting_approval");
    }

    [Fact]
    public void Neither_the_requester_nor_the_counter_approves_an_adjustment()
    {
        var variance = Variance.Raise(Guid.NewGuid(), AuditTier.Finance, Day, "bank:L1", Money.Yuan(-0.5m), "bank fee", "finance.zhou", "cashier.chen", Money.Zero, Now);

        Throws(() => variance.Approve("finance.zhou", Now), "audit.four_eyes");
        Throws(() => variance.Reject("cashier.chen", "recount", Now), "audit.four_eyes");
        variance.Reject("finance.wu", "recount", Now);
        Assert.False(variance.IsResolved);
    }

    [Fact]
    public void A_variance_needs_a_difference_and_a_reason()
    {
        Throws(() => Variance.Raise(Guid.NewGuid(), AuditTier.Courier, Day, "h", Money.Zero, "x", "a", null, Threshold, Now), "audit.no_variance");
        Throws(() => Variance.Raise(Guid.NewGuid(), AuditTier.Courier, Day, "h", Money.Yuan(1), " ", "a", null, Threshold, Now), "audit.reason_required");
    }

    [Fact]
    public void A_closed_day_refuses_postings_and_corrections_go_to_the_open_day()
    {
        var closed = ClosedPeriod.CloseDay(Day, 0, "finance.zhou", Now);
        var periods = new PeriodLock([closed]);

        Throws(() => periods.EnsureOpen(Day), "audit.period_closed");
        periods.EnsureOpen(Day.AddDays(1));
        Assert.Equal(ChinaTime.Today(Now), periods.CorrectionDay(Day, ChinaTime.Today(Now)));
        Assert.Equal(Day.AddDays(-1), periods.CorrectionDay(Day.AddDays(-1), ChinaTime.Today(Now)));
    }

    [Fact]
    public void A_day_closes_only_when_its_worklist_is_empty_and_it_is_over()
    {
        Throws(() => ClosedPeriod.CloseDay(Day, 1, "finance.zhou", Now), "audit.period_not_balanced");
        Throws(() => ClosedPeriod.CloseDay(ChinaTime.Today(Now), 0, "finance.zhou", Now), "audit.period_not_over");
        var month = ClosedPeriod.CloseMonth(2025, 5, 0, "finance.zhou", Now);
        Assert.True(month.Contains(new DateOnly(2025, 5, 1)) && month.Contains(Day) && !month.Contains(Day.AddDays(1)));
    }

    [Fact]
    public void A_short_handover_puts_the_counted_cash_in_the_safe_and_the_shortage_on_the_courier()
    {
        var count = CashCount.Of([new(100m, 2), new(50m, 1), new(0.5m, 1)]);
        Assert.Equal(Money.Yuan(250.5m), count.Total);
        Assert.Equal(count.Pieces, CashCount.Parse(count.ToString()).Pieces);
        var handover = CashHandover.Record(Guid.NewGuid(), Day, "courier.wang", "tianhe", Money.Yuan(270.5m), count, ["P1", "P2"], ["P1"], Money.Yuan(99), "cashier.chen", Now);

        Assert.Equal(Money.Yuan(-20), handover.CashVariance);
        Assert.Equal(["P2"], handover.MissingSlips);
        var posted = Postings.CashCounted(handover.Key.ToString("N"), handover.Courier, handover.Station, handover.ExpectedCash, handover.CountedCash, "cashier.chen", Now);
        var balances = AccountBalances.Replay([posted]);
        Assert.Equal(Money.Yuan(250.5m), balances[ChartOfAccounts.StationSafe("tianhe")]);
        Assert.Equal(Money.Yuan(20), balances[ChartOfAccounts.CourierReceivable("courier.wang")]);
        Assert.Equal(Money.Yuan(-270.5m), balances[ChartOfAccounts.CourierCash("courier.wang")]);
        Throws(() => CashCount.Of([new(3m, 1)]), "audit.unknown_denomination");
        Throws(() => handover.SignByCourier("courier.zhao", Now), "audit.not_your_handover");
    }
}
