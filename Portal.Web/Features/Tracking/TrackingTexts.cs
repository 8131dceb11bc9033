using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Sms;
using Portal.Web.Common.Behaviours;

namespace Portal.Web.Features.Tracking;

public sealed class TrackingTextOptions
{
    public const string Section = "Tracking";

    /// <summary>Where customers open /track from their phone; the texts link there.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}

/// <summary>
/// Texts the customer when the parcel sets off, when an attempt fails and when the delivery gets a new window. The
/// SMS is queued in the outbox inside the transaction that changed the delivery: no change, no text; a change, one text.
/// Customers are in Guangzhou, so the texts are in Chinese, with the tracking code and link.
/// </summary>
internal sealed class TrackingTexts(PortalDbContext db, OutboxWriter outbox, IOptions<TrackingTextOptions> options)
    : INotificationHandler<DomainEventNotification<DeliveryStatusChanged>>,
      INotificationHandler<DomainEventNotification<DeliveryRescheduled>>
{
    public async Task Handle(DomainEventNotification<DeliveryStatusChanged> notification, CancellationToken cancellationToken)
    {
        var changed = notification.Event;
        var text = changed.ToStatus switch
        {
            DeliveryStatus.OutForDelivery => $"您的订单 {changed.OrderNumber} 正在派送中，请保持电话畅通。",
            DeliveryStatus.FailedAttempt => $"您的订单 {changed.OrderNumber} 今天未能送达，我们会与您约定新的配送时间。",
            _ => null,
        };
        if (text is not null)
        {
            await Text(changed.TrackingCode, text, cancellationToken);
        }
    }

    public Task Handle(DomainEventNotification<DeliveryRescheduled> notification, CancellationToken cancellationToken)
    {
        var moved = notification.Event;
        return Text(
            moved.TrackingCode,
            $"您的订单 {moved.OrderNumber} 已改期至 {moved.Window.Date:yyyy-MM-dd} {moved.Window.From:HH\\:mm}-{moved.Window.To:HH\\:mm} 配送。",
            cancellationToken);
    }

    private async Task Text(string trackingCode, string text, CancellationToken cancellationToken)
    {
        // The delivery that raised the event is tracked by this unit of work.
        var code = TrackingCode.TryParse(trackingCode, out var parsed) ? parsed : throw new InvalidOperationException($"Bad tracking code {trackingCode}");
        var delivery = db.Deliveries.Local.FirstOrDefault(d => d.TrackingCode == code)
            ?? await db.Deliveries.FirstAsync(d => d.TrackingCode == code, cancellationToken);
        var phone = delivery.RecipientPhone.Value;
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/track";
        outbox.Enqueue(new SmsMessage(phone, $"【移动商城】{text}查询：{link} 单号 {trackingCode}"));
    }
}
