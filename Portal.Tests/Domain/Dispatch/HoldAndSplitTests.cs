using Portal.Domain.Dispatch;
using static Portal.Tests.Domain.Dispatch.DispatchTestData;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Dispatch;

public class HoldAndSplitTests
{
    private static readonly Courier Li = InHouse(1);
    private static readonly Courier Wang = InHouse(2);
    private static readonly DateOnly DeliveryDay = Tomorrow().Date;

    [Fact]
    public void A_hold_keeps_its_reason_and_release_day_until_released_by_hand()
    {
        var delivery = Waiting();

        Assert.True(delivery.Hold("Customer is travelling", DeliveryDay, Dispatcher, Now));

        Assert.Equal((DeliveryStatus.OnHold, "Customer is travelling", DeliveryDay), (delivery.Status, delivery.HoldReason, delivery.HeldUntil));
        Assert.True(delivery.Release(Dispatcher, Now));
        Assert.Equal((DeliveryStatus.Waiting, (string?)null, (DateOnly?)null), (delivery.Status, delivery.HoldReason, delivery.HeldUntil));
    }

    [Fact]
    public void Holding_or_releasing_twice_has_one_effect()
    {
        var delivery = Waiting();
        delivery.Hold("Customer is travelling", null, Dispatcher, Now);
        var version = delivery.Version;

        Assert.False(delivery.Hold("Customer is travelling", null, Dispatcher, Now));
        Assert.Equal(version, delivery.Version);
        delivery.Release(Dispatcher, Now);
        Assert.False(delivery.Release(Dispatcher, Now));
    }

    [Fact]
    public void A_hold_needs_a_reason()
    {
        Throws(() => Waiting().Hold(" ", null, Dispatcher, Now), "delivery.reason_required");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_release_day_must_come_after_today_and_by_the_delivery_day(int daysFromToday)
    {
        var day = DateOnly.FromDateTime(Now).AddDays(daysFromToday);

        Throws(() => Waiting().Hold("Customer is travelling", day, Dispatcher, Now), "delivery.hold_date_invalid");
    }

    [Fact]
    public void An_assigned_delivery_cannot_be_held()
    {
        Throws(() => AssignedTo(Li).Hold("Customer is travelling", null, Dispatcher, Now), "delivery.invalid_transition");
    }

    [Fact]
    public void A_hold_lifts_by_itself_on_its_release_day_and_not_before()
    {
        var delivery = Waiting();
        delivery.Hold("Customer is travelling", DeliveryDay, Dispatcher, Now);

        Assert.False(delivery.ReleaseIfDue("system", Now));
        Assert.True(delivery.ReleaseIfDue("system", Now.AddDays(1)));
        Assert.Equal(DeliveryStatus.Waiting, delivery.Status);
    }

    [Fact]
    public void A_hold_without_a_day_never_lifts_by_itself()
    {
        var delivery = Waiting();
        delivery.Hold("Address unclear", null, Dispatcher, Now);

        Assert.False(delivery.ReleaseIfDue("system", Now.AddDays(30)));
        Assert.Equal(DeliveryStatus.OnHold, delivery.Status);
    }

    [Fact]
    public void Moving_a_stop_to_another_run_records_the_reason()
    {
        var delivery = AssignedTo(Li);

        Assert.True(delivery.MoveToRun(Li.Id, Wang, 0, "Li's run is too long", Dispatcher, Now));

        Assert.Equal(Wang.Id, delivery.CourierId);
        Assert.Contains("Li's run is too long", delivery.Timeline[^1].Note);
    }

    [Fact]
    public void Moving_a_stop_again_to_the_same_courier_changes_nothing()
    {
        var delivery = AssignedTo(Li);
        delivery.MoveToRun(Li.Id, Wang, 0, "Li's run is too long", Dispatcher, Now);
        var version = delivery.Version;

        Assert.False(delivery.MoveToRun(Li.Id, Wang, 0, "Li's run is too long", Dispatcher, Now));
        Assert.Equal(version, delivery.Version);
    }

    [Fact]
    public void A_stop_that_left_the_station_cannot_move_to_another_run()
    {
        var delivery = OutForDelivery(Li);

        Throws(() => delivery.MoveToRun(Li.Id, Wang, 0, "Li's run is too long", Dispatcher, Now), "delivery.invalid_transition");
    }

    [Fact]
    public void A_stop_moves_only_from_the_run_it_is_on()
    {
        var delivery = AssignedTo(Li);

        Throws(() => delivery.MoveToRun(Wang.Id, InHouse(3), 0, "Rebalance", Dispatcher, Now), "delivery.not_on_run");
    }

    [Fact]
    public void A_split_needs_a_reason_another_courier_and_room_on_their_run()
    {
        Throws(() => AssignedTo(Li).MoveToRun(Li.Id, Wang, 0, "", Dispatcher, Now), "delivery.reason_required");
        Throws(() => AssignedTo(Li).MoveToRun(Li.Id, Li, 0, "Rebalance", Dispatcher, Now), "delivery.same_courier");
        Throws(() => AssignedTo(Li).MoveToRun(Li.Id, Wang, Wang.CapacityPerDay, "Rebalance", Dispatcher, Now), "delivery.courier_full");
    }
}
