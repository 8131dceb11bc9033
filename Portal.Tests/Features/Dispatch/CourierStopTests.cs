using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Inventory;
using Portal.Domain.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Delivery;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Dispatch;

public sealed class CourierStopTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private async Task<(Delivery Delivery, ClaimsPrincipal Courier)> AssignedToCourier()
    {
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), delivery.Version, null), await Host.PrincipalFor(Dispatcher));
        return (delivery, await Host.PrincipalFor(CourierLogin));
    }

    private async Task<(Delivery Delivery, ClaimsPrincipal Courier)> OutForDelivery()
    {
        var (delivery, courier) = await AssignedToCourier();
        await Host.Send(new ConfirmPickUp.Command(delivery.Id), courier);
        await Host.Send(new StartDelivery.Command(delivery.Id), courier);
        return (delivery, courier);
    }

    [Fact]
    public async Task The_courier_completes_a_stop_with_every_check_and_the_order_is_delivered()
    {
        var (delivery, courier) = await OutForDelivery();
        var handset = delivery.Items.Single(i => i.Sku == HandsetSku).ReservedSerials.Single();
        var sim = delivery.Items.Single(i => i.Sku == SimSku).ReservedSerials.Single();

        var run = await Host.Send(new GetMyRun.Query(Tomorrow), courier);
        Assert.Contains(run.Stops, s => s.DeliveryId == delivery.Id && s.Status == DeliveryStatus.OutForDelivery);
        var wrong = await Assert.ThrowsAsync<DomainException>(() => Host.Send(new RecordSerial.Command(delivery.Id, HandsetSku, "356938035643809"), courier));
        Assert.Equal("delivery.serial_not_reserved", wrong.Code);
        await Host.Send(new RecordSerial.Command(delivery.Id, HandsetSku, handset), courier);
        await Host.Send(new RecordSerial.Command(delivery.Id, SimSku, sim), courier);
        await Host.Send(new CheckCustomerId.Command(delivery.Id, IdDocumentType.ResidentIdCard, CustomerId), courier);
        await Host.Send(new CollectPayment.Command(delivery.Id, delivery.AmountToCollect.Amount + 100), courier);
        await Host.Send(new CaptureSignature.Command(delivery.Id, SignaturePng()), courier);
        var done = await Host.Send(new CompleteDelivery.Command(delivery.Id, null), courier);

        Assert.Equal(DeliveryStatus.Delivered, done.Status);
        var order = await OrderOf(Host, delivery.OrderNumber);
        Assert.Equal((OrderStatus.Delivered, PaymentStatus.Paid, true), (order.Status, order.PaymentStatus, order.RealNameVerified));
        Assert.Equal([handset], order.Lines.Single(l => l.Sku == HandsetSku).Serials);
        var units = await Host.WithDb(db => db.SerialUnits.Where(u => u.Serial == handset || u.Serial == sim).Select(u => u.Status).ToListAsync());
        Assert.All(units, s => Assert.Equal(SerialUnitStatus.Sold, s));
        var cash = await Host.WithDb(db => db.Payments.AsNoTracking().SingleAsync(p => p.OrderNumber == delivery.OrderNumber));
        Assert.Equal((delivery.AmountToCollect, delivery.AmountToCollect + Portal.Domain.Shared.Money.Yuan(100)), (cash.Amount, cash.Tendered));
        var stop = await Host.Send(new GetStop.Query(delivery.Id), courier);
        Assert.Equal("001X", stop.IdCheckedLast4);
    }

    [Fact]
    public async Task A_double_tap_on_pick_up_has_one_effect()
    {
        var (delivery, courier) = await AssignedToCourier();
        var requestId = Guid.NewGuid();

        var first = await Host.Send(new ConfirmPickUp.Command(delivery.Id, requestId), courier);
        var replay = await Host.Send(new ConfirmPickUp.Command(delivery.Id, requestId), courier);
        var again = await Host.Send(new ConfirmPickUp.Command(delivery.Id), courier);

        Assert.True(first.Changed);
        Assert.Equal(first, replay);
        Assert.False(again.Changed);
        Assert.Single((await DeliveryOf(Host, delivery.OrderNumber)).Timeline, t => t.ToStatus == DeliveryStatus.PickedUp);
    }

    [Fact]
    public async Task A_failed_attempt_is_rescheduled_to_a_new_window_and_the_order_follows()
    {
        var (delivery, courier) = await OutForDelivery();

        await Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.CustomerAbsent, "No answer at the door"), courier);
        Assert.Equal(OrderStatus.FailedAttempt, (await OrderOf(Host, delivery.OrderNumber)).Status);
        await Host.Send(new RescheduleStop.Command(delivery.Id, Tomorrow.AddDays(1), "19:00-21:00"), courier);

        var saved = await DeliveryOf(Host, delivery.OrderNumber);
        Assert.Equal((DeliveryStatus.Rescheduled, (long?)null, Tomorrow.AddDays(1)), (saved.Status, saved.CourierId, saved.Window.Date));
        var order = await OrderOf(Host, delivery.OrderNumber);
        Assert.Equal((OrderStatus.Rescheduled, new TimeOnly(19, 0)), (order.Status, order.DeliveryWindow!.From));
        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new GetStop.Query(delivery.Id), courier));
    }

    [Fact]
    public async Task A_failed_delivery_can_go_back_to_stock()
    {
        var (delivery, courier) = await OutForDelivery();
        await Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.CustomerRefused, null), courier);

        await Host.Send(new ReturnToStock.Command(delivery.Id), courier);

        Assert.Equal(OrderStatus.Returned, (await OrderOf(Host, delivery.OrderNumber)).Status);
        var reserved = await Host.WithDb(db => db.SerialUnits.CountAsync(u => u.ReservedForOrder == delivery.OrderNumber && u.Status == SerialUnitStatus.Reserved));
        Assert.Equal(0, reserved);
    }

    [Fact]
    public async Task Another_courier_can_read_and_act_on_none_of_the_stop()
    {
        var (delivery, _) = await AssignedToCourier();
        var other = await Host.PrincipalFor(Courier2Login);

        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new GetStop.Query(delivery.Id), other));
        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new ConfirmPickUp.Command(delivery.Id), other));
        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.CustomerAbsent, null), other));
        Assert.DoesNotContain((await Host.Send(new GetMyRun.Query(Tomorrow), other)).Stops, s => s.DeliveryId == delivery.Id);

        Assert.Equal(DeliveryStatus.Assigned, (await DeliveryOf(Host, delivery.OrderNumber)).Status);
    }

    [Fact]
    public async Task A_signature_that_is_not_a_png_is_refused()
    {
        var (delivery, courier) = await OutForDelivery();

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Host.Send(new CaptureSignature.Command(delivery.Id, "data:image/png;base64," + Convert.ToBase64String("<svg/>"u8.ToArray())), courier));

        Assert.Equal("The signature must be a PNG image.", Assert.Single(ex.Errors["SignaturePng"]));
    }

    [Fact]
    public async Task An_empty_signature_is_refused_and_nothing_is_kept()
    {
        var (delivery, courier) = await OutForDelivery();

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new CaptureSignature.Command(delivery.Id, ""), courier));

        Assert.Equal("Ask the customer to sign.", Assert.Single(ex.Errors["SignaturePng"]));
        Assert.False((await Host.Send(new GetStop.Query(delivery.Id), courier)).SignatureCaptured);
    }

    [Fact]
    public async Task Another_courier_cannot_sign_for_the_stop()
    {
        var (delivery, _) = await OutForDelivery();
        var other = await Host.PrincipalFor(Courier2Login);

        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new CaptureSignature.Command(delivery.Id, SignaturePng()), other));

        Assert.Null((await DeliveryOf(Host, delivery.OrderNumber)).SignatureReference);
    }
}
