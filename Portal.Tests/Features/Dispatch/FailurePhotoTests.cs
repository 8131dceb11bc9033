using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Delivery;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Dispatch;

public sealed class FailurePhotoTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];

    private PortalHost Host => fixture.Host;

    private async Task<(Delivery Delivery, ClaimsPrincipal Courier)> OutForDelivery()
    {
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), delivery.Version, null), await Host.PrincipalFor(Dispatcher));
        var courier = await Host.PrincipalFor(CourierLogin);
        await Host.Send(new ConfirmPickUp.Command(delivery.Id), courier);
        await Host.Send(new StartDelivery.Command(delivery.Id), courier);
        return (delivery, courier);
    }

    private Task<int> PhotosOf(long deliveryId) => Host.WithDb(db => db.DeliveryPhotos.CountAsync(p => p.DeliveryId == deliveryId));

    [Fact]
    public async Task The_photo_of_a_failed_attempt_shows_on_the_dispatchers_timeline()
    {
        var (delivery, courier) = await OutForDelivery();

        await Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.WrongAddress, "No such room", Photo: new("image/jpeg", Jpeg)), courier);

        var dispatcher = await Host.PrincipalFor(Dispatcher);
        var history = await Host.Send(new GetDeliveryHistory.Query(delivery.Id), dispatcher);
        Assert.Equal(DeliveryStatus.FailedAttempt, history.Timeline[^1].Status);
        var photo = Assert.Single(history.Photos);
        Assert.Equal((1, Jpeg.Length), (photo.Attempt, photo.Size));
        var image = await Host.Send(new GetDeliveryPhoto.Query(photo.Id), dispatcher);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Equal(Jpeg, image.Content);
    }

    [Fact]
    public async Task A_file_that_is_not_the_image_it_claims_is_refused_and_no_failure_is_recorded()
    {
        var (delivery, courier) = await OutForDelivery();
        var script = "<script>alert(1)</script>"u8.ToArray();

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.CustomerAbsent, null, Photo: new("image/png", script)), courier));

        Assert.Equal("The file is not the image it claims to be", Assert.Single(ex.Errors["Photo"]));
        Assert.Equal(DeliveryStatus.OutForDelivery, (await DeliveryOf(Host, delivery.OrderNumber)).Status);
        Assert.Equal(0, await PhotosOf(delivery.Id));
    }

    [Fact]
    public async Task A_photo_over_5_MB_is_refused()
    {
        var (delivery, courier) = await OutForDelivery();
        var large = new byte[DeliveryPhoto.MaxBytes + 1];
        Jpeg.CopyTo(large, 0);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.CustomerAbsent, null, Photo: new("image/jpeg", large)), courier));

        Assert.Equal("The photo is larger than 5 MB", Assert.Single(ex.Errors["Photo"]));
        Assert.Equal(0, await PhotosOf(delivery.Id));
    }

    [Fact]
    public async Task Another_courier_cannot_attach_a_photo_to_the_stop_nor_read_one()
    {
        var (delivery, courier) = await OutForDelivery();
        await Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.CustomerAbsent, null, Photo: new("image/jpeg", Jpeg)), courier);
        var photoId = await Host.WithDb(db => db.DeliveryPhotos.Where(p => p.DeliveryId == delivery.Id).Select(p => p.Id).SingleAsync());
        var other = await Host.PrincipalFor(Courier2Login);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.CustomerAbsent, null, Photo: new("image/jpeg", Jpeg)), other));
        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new GetDeliveryPhoto.Query(photoId), other));
        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new GetDeliveryHistory.Query(delivery.Id), courier));

        Assert.Equal(1, await PhotosOf(delivery.Id));
    }
}
