using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.Dispatch.DispatchTestData;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Dispatch;

public class DeliveryTests
{
    private static readonly Courier Li = InHouse(1);
    private static readonly Courier Wang = InHouse(2);

    private static Delivery ReadyToComplete()
    {
        var delivery = OutForDelivery(Li);
        delivery.RecordSerial(Li.Id, "HS-X1-128", ValidImei, false, Now);
        delivery.RecordSerial(Li.Id, "SIM-STD", ValidIccid, false, Now);
        delivery.CheckIdentity(Li.Id, IdDocumentType.ResidentIdCard, IdOnFile, IdOnFile, Now);
        delivery.RecordPaymentCollected(Li.Id, Money.Yuan(3009));
        delivery.CaptureSignature(Li.Id, "sig-1");
        return delivery;
    }

    [Fact]
    public void Starts_waiting_at_the_address_coordinates()
    {
        var delivery = Waiting();

        Assert.Equal(DeliveryStatus.Waiting, delivery.Status);
        Assert.False(delivery.LocationIsZoneCentre);
        Assert.Equal("TH", delivery.ZoneCode);
        Assert.Equal(DeliveryStatus.Waiting, Assert.Single(delivery.DomainEvents.OfType<DeliveryStatusChanged>()).ToStatus);
    }

    [Fact]
    public void Uses_the_zone_centre_when_the_address_has_no_coordinates()
    {
        var delivery = Delivery.Create(
            "SO202506010002", TrackingCode.New(), "张三", Phone, Home, null, Zhujiang, Tomorrow(), [Sim()], Money.Zero,
            CollectionMethod.None, "system", Now);

        Assert.True(delivery.LocationIsZoneCentre);
        Assert.Equal(Zhujiang.Centre, delivery.Location);
    }

    [Fact]
    public void A_parcel_leaves_the_station_only_with_its_units_reserved()
    {
        var delivery = AssignedTo(Li, Waiting(items: DeliveryItemWithoutSerials()));

        Throws(() => delivery.ConfirmPickUp(Li.Id, Li.Login, Now), "delivery.serials_not_reserved");
        delivery.ReserveSerials("HS-X1-128", [ValidImei]);
        Assert.True(delivery.ConfirmPickUp(Li.Id, Li.Login, Now));
    }

    [Fact]
    public void Refuses_an_amount_to_collect_without_a_way_to_collect_it() =>
        Throws(
            () => Delivery.Create("SO202506010002", TrackingCode.New(), "张三", Phone, Home, null, Tianhe, Tomorrow(), [Sim()],
                Money.Yuan(10), CollectionMethod.None, "system", Now),
            "delivery.collection_mismatch");

    [Fact]
    public void Assigning_twice_to_the_same_courier_has_one_effect()
    {
        var delivery = AssignedTo(Li);
        var version = delivery.Version;

        Assert.False(delivery.AssignTo(Li, 1, Dispatcher, Now));
        Assert.Equal(version, delivery.Version);
        Assert.Single(delivery.DomainEvents.OfType<DeliveryAssigned>());
    }

    [Fact]
    public void Refuses_a_courier_who_does_not_cover_the_zone() =>
        Throws(() => Waiting(Haizhu).AssignTo(Li, 0, Dispatcher, Now), "delivery.zone_not_covered");

    [Fact]
    public void Refuses_a_courier_whose_day_is_full() =>
        Throws(() => Waiting().AssignTo(InHouse(3, capacity: 2), 2, Dispatcher, Now), "delivery.courier_full");

    [Fact]
    public void Moving_to_another_courier_needs_a_reason_and_records_it()
    {
        var delivery = AssignedTo(Li);

        Throws(() => delivery.AssignTo(Wang, 0, Dispatcher, Now), "delivery.reason_required");
        delivery.AssignTo(Wang, 0, Dispatcher, Now, "李明 is ill");

        Assert.Equal(Wang.Id, delivery.CourierId);
        Assert.Equal("李明 is ill", delivery.AssignmentReason);
        Assert.Contains("李明 is ill", delivery.Timeline[^1].Note);
    }

    [Fact]
    public void A_held_delivery_cannot_be_assigned_until_released()
    {
        var delivery = Waiting();
        delivery.Hold("Customer asked us to wait", null, Dispatcher, Now);

        Throws(() => delivery.AssignTo(Li, 0, Dispatcher, Now), "delivery.invalid_transition");
        delivery.Release(Dispatcher, Now);
        Assert.True(delivery.AssignTo(Li, 0, Dispatcher, Now));
    }

    [Fact]
    public void Another_courier_can_act_on_none_of_the_stop()
    {
        var delivery = AssignedTo(Li);

        Throws(() => delivery.ConfirmPickUp(Wang.Id, Wang.Login, Now), "delivery.not_your_stop");
        Throws(() => delivery.RecordFailedAttempt(Wang.Id, FailureReason.CustomerAbsent, null, Wang.Login, Now), "delivery.not_your_stop");
    }

    [Fact]
    public void Goes_out_only_after_the_pick_up_is_confirmed()
    {
        var delivery = AssignedTo(Li);

        Throws(() => delivery.StartDelivery(Li.Id, Li.Login, Now), "delivery.invalid_transition");
        Assert.True(delivery.ConfirmPickUp(Li.Id, Li.Login, Now));
        Assert.False(delivery.ConfirmPickUp(Li.Id, Li.Login, Now));
        Assert.True(delivery.StartDelivery(Li.Id, Li.Login, Now));
        Assert.False(delivery.StartDelivery(Li.Id, Li.Login, Now));
        Assert.Equal(DeliveryStatus.OutForDelivery, delivery.Status);
    }

    [Fact]
    public void Refuses_a_serial_not_reserved_for_the_order()
    {
        var delivery = OutForDelivery(Li);

        var ex = Throws(() => delivery.RecordSerial(Li.Id, "HS-X1-128", OtherImei, false, Now), "delivery.serial_not_reserved");
        Assert.Contains(ValidImei, ex.Message);
    }

    [Fact]
    public void Records_a_swap_to_another_free_unit_of_the_same_model()
    {
        var delivery = OutForDelivery(Li);

        delivery.RecordSerial(Li.Id, "HS-X1-128", OtherImei, true, Now);

        var swap = Assert.Single(delivery.DomainEvents.OfType<DeliverySerialSwapped>());
        Assert.Equal((ValidImei, OtherImei), (swap.ReleasedSerial, swap.TakenSerial));
        Assert.Equal([OtherImei], delivery.Items[0].ReservedSerials);
    }

    [Fact]
    public void Scanning_the_same_serial_twice_records_it_once()
    {
        var delivery = OutForDelivery(Li);

        Assert.True(delivery.RecordSerial(Li.Id, "HS-X1-128", ValidImei, false, Now));
        Assert.False(delivery.RecordSerial(Li.Id, "HS-X1-128", ValidImei, false, Now));
        Assert.Equal([ValidImei], delivery.Items[0].HandedOverSerials);
    }

    [Fact]
    public void Keeps_only_the_last_four_characters_of_the_checked_id()
    {
        var delivery = OutForDelivery(Li);

        delivery.CheckIdentity(Li.Id, IdDocumentType.ResidentIdCard, IdOnFile.ToLowerInvariant(), IdOnFile, Now);

        Assert.Equal("001X", delivery.IdCheckedLast4);
        Assert.Null(Assert.Single(delivery.DomainEvents.OfType<DeliveryIdentityChecked>()).ResidentId);
    }

    [Fact]
    public void Refuses_an_id_that_is_not_the_customers() =>
        Throws(
            () => OutForDelivery(Li).CheckIdentity(Li.Id, IdDocumentType.ResidentIdCard, "440106198511120023", IdOnFile, Now),
            "delivery.id_mismatch");

    [Fact]
    public void Records_the_id_for_a_customer_with_none_on_file()
    {
        var delivery = OutForDelivery(Li);

        delivery.CheckIdentity(Li.Id, IdDocumentType.ResidentIdCard, IdOnFile, null, Now);

        Assert.Equal(IdOnFile, Assert.Single(delivery.DomainEvents.OfType<DeliveryIdentityChecked>()).ResidentId!.Value);
    }

    [Fact]
    public void Refuses_to_collect_less_than_is_due() =>
        Throws(() => OutForDelivery(Li).RecordPaymentCollected(Li.Id, Money.Yuan(3000)), "delivery.wrong_amount");

    [Theory]
    [InlineData("serials", "delivery.serials_missing")]
    [InlineData("id", "delivery.id_check_required")]
    [InlineData("payment", "delivery.payment_not_collected")]
    [InlineData("signature", "delivery.signature_required")]
    public void Cannot_complete_with_a_check_missing(string skipped, string code)
    {
        var delivery = OutForDelivery(Li);
        if (skipped != "serials")
        {
            delivery.RecordSerial(Li.Id, "HS-X1-128", ValidImei, false, Now);
            delivery.RecordSerial(Li.Id, "SIM-STD", ValidIccid, false, Now);
        }

        if (skipped != "id")
        {
            delivery.CheckIdentity(Li.Id, IdDocumentType.ResidentIdCard, IdOnFile, IdOnFile, Now);
        }

        if (skipped != "payment")
        {
            delivery.RecordPaymentCollected(Li.Id, Money.Yuan(3009));
        }

        if (skipped != "signature")
        {
            delivery.CaptureSignature(Li.Id, "sig-1");
        }

        Throws(() => delivery.Deliver(Li.Id, null, Li.Login, Now), code);
        Assert.Equal(DeliveryStatus.OutForDelivery, delivery.Status);
    }

    [Fact]
    public void Completing_twice_hands_over_once()
    {
        var delivery = ReadyToComplete();

        Assert.True(delivery.Deliver(Li.Id, null, Li.Login, Now));
        Assert.False(delivery.Deliver(Li.Id, null, Li.Login, Now));

        var handOver = Assert.Single(delivery.DomainEvents.OfType<DeliveryHandedOver>());
        Assert.Equal(Money.Yuan(3009), handOver.AmountCollected);
        Assert.Equal([new HandedOverSerial("HS-X1-128", ValidImei), new HandedOverSerial("SIM-STD", ValidIccid)], handOver.Serials);
        Assert.Equal("张三", delivery.ReceivedBy);
    }

    [Fact]
    public void A_failed_attempt_needs_a_description_when_the_reason_is_other()
    {
        var delivery = OutForDelivery(Li);

        Throws(() => delivery.RecordFailedAttempt(Li.Id, FailureReason.Other, " ", Li.Login, Now), "delivery.reason_required");
        Assert.True(delivery.RecordFailedAttempt(Li.Id, FailureReason.Other, "Gate closed", Li.Login, Now));
        Assert.False(delivery.RecordFailedAttempt(Li.Id, FailureReason.Other, "Gate closed", Li.Login, Now));
        Assert.Equal(1, delivery.FailedAttempts);
    }

    [Fact]
    public void A_failed_attempt_forgets_the_checks_so_the_next_attempt_repeats_them()
    {
        var delivery = ReadyToComplete();

        delivery.RecordFailedAttempt(Li.Id, FailureReason.CannotPay, null, Li.Login, Now);

        Assert.Null(delivery.IdCheckedLast4);
        Assert.Null(delivery.SignatureReference);
        Assert.Empty(delivery.Items[0].HandedOverSerials);
    }

    [Fact]
    public void Rescheduling_after_a_failed_attempt_frees_the_courier_and_moves_the_window()
    {
        var delivery = OutForDelivery(Li);
        delivery.RecordFailedAttempt(Li.Id, FailureReason.CustomerAbsent, null, Li.Login, Now);
        var later = Portal.Domain.Orders.DeliveryWindow.Parse(new DateOnly(2025, 6, 3), "18:00-21:00");

        delivery.Reschedule(later, Li.Login, Now);

        Assert.Equal(DeliveryStatus.Rescheduled, delivery.Status);
        Assert.Null(delivery.CourierId);
        Assert.Equal(later, delivery.Window);
        Assert.True(delivery.AssignTo(Wang, 0, Dispatcher, Now));
    }

    [Fact]
    public void The_customer_cannot_reschedule_once_the_parcel_is_out()
    {
        var delivery = OutForDelivery(Li);

        Throws(() => delivery.Reschedule(Tomorrow(), "customer", Now.AddHours(1), "Not home"), "delivery.invalid_transition");
    }

    [Fact]
    public void Refuses_a_new_window_in_the_past() =>
        Throws(
            () => Waiting().Reschedule(Portal.Domain.Orders.DeliveryWindow.Parse(new DateOnly(2025, 5, 31), "09:00-12:00"), "customer", Now),
            "delivery.window_in_past");

    [Fact]
    public void A_failed_delivery_can_go_back_to_stock()
    {
        var delivery = OutForDelivery(Li);
        delivery.RecordFailedAttempt(Li.Id, FailureReason.CustomerRefused, null, Li.Login, Now);

        delivery.Return(Li.Login, Now, "Refused at the door");

        Assert.Equal(DeliveryStatus.Returned, delivery.Status);
        Assert.False(delivery.IsOpen);
    }

    private static Portal.Domain.Dispatch.DeliveryItem[] DeliveryItemWithoutSerials() =>
        [Portal.Domain.Dispatch.DeliveryItem.Create("HS-X1-128", "X1 5G", Portal.Domain.Catalog.ProductKind.Handset, 1, [])];
}
