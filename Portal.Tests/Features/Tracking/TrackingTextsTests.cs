using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Sms;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Delivery;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Tracking;

/// <summary>The customer is texted when the parcel sets off, when an attempt fails and when it gets a new window.</summary>
public sealed class TrackingTextsTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_customer_gets_a_text_when_the_parcel_sets_off_fails_and_is_rescheduled()
    {
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        var phone = delivery.RecipientPhone.Value;
        await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), delivery.Version, null), await Host.PrincipalFor(Dispatcher));
        var courier = await Host.PrincipalFor(CourierLogin);
        await Host.Send(new ConfirmPickUp.Command(delivery.Id), courier);
        await Host.DeliverOutboxAsync();
        Assert.Empty(Sandbox.To(phone));

        await Host.Send(new StartDelivery.Command(delivery.Id), courier);
        await Host.Send(new RecordFailedAttempt.Command(delivery.Id, FailureReason.CustomerAbsent, null), courier);
        await Host.Send(new RescheduleStop.Command(delivery.Id, Tomorrow.AddDays(1), "18:00-21:00"), courier);
        while (await Host.DeliverOutboxAsync() > 0)
        {
        }

        var texts = Sandbox.To(phone);
        Assert.Equal(3, texts.Count);
        Assert.Contains("正在派送", texts[0].Text);
        Assert.Contains("未能送达", texts[1].Text);
        Assert.Contains($"{Tomorrow.AddDays(1):yyyy-MM-dd} 18:00-21:00", texts[2].Text);
        Assert.All(texts, t => Assert.Contains(delivery.TrackingCode.Value, t.Text));
        Assert.All(texts, t => Assert.Contains("/track", t.Text));
    }

    [Fact]
    public async Task A_refused_action_texts_nobody()
    {
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), delivery.Version, null), await Host.PrincipalFor(Dispatcher));

        var other = await Host.PrincipalFor(Courier2Login);
        await Assert.ThrowsAsync<NotFoundException>(() => Host.Send(new StartDelivery.Command(delivery.Id), other));
        while (await Host.DeliverOutboxAsync() > 0)
        {
        }

        Assert.Empty(Sandbox.To(delivery.RecipientPhone.Value));
    }

    private SmsSandbox Sandbox => Host.Services.GetRequiredService<SmsSandbox>();
}
