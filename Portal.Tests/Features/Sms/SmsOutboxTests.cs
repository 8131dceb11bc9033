using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Sms;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Admin.Outbox;

namespace Portal.Tests.Features.Sms;

/// <summary>SMS leave through the outbox: sent after the commit, once, and visible (and retryable) at /admin/outbox.</summary>
public sealed class SmsOutboxTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_queued_sms_reaches_the_provider_once_the_outbox_delivers_it()
    {
        await using var host = await Start();
        var phone = NewPhone();

        var id = await Enqueue(host, new SmsMessage(phone, "您的订单已发货 Your order is out for delivery"));

        Assert.Empty(Sandbox(host).To(phone));
        Assert.Equal(1, await host.DeliverOutboxAsync());
        var sent = Assert.Single(Sandbox(host).To(phone));
        Assert.Equal(SmsOutboxHandler.ReferenceFor(id), sent.ClientReference);
        var admin = await host.PrincipalFor("admin@portal.local");
        var listed = await host.Send(new ListOutboxMessages.Query(ListOutboxMessages.State.Sent), admin);
        Assert.Contains(listed.Rows, r => r.Id == id && r.Kind == SmsMessage.Kind && r.DeliveredAtUtc != null);
    }

    [Fact]
    public async Task Sending_the_same_outbox_message_again_after_a_crash_does_not_text_the_customer_twice()
    {
        await using var host = await Start();
        var phone = NewPhone();
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<IOutboxHandler<SmsMessage>>();
        var message = new SmsMessage("+86 " + phone, "Rescheduled to tomorrow 9–12");

        // The provider answered, then the node died before "delivered" committed: the next node repeats the call.
        await handler.HandleAsync(message, new OutboxAttempt(4242, 1, false), CancellationToken.None);
        await handler.HandleAsync(message, new OutboxAttempt(4242, 2, false), CancellationToken.None);

        Assert.Single(Sandbox(host).To(phone));
    }

    [Fact]
    public async Task A_message_the_provider_refuses_fails_after_its_last_attempt_and_an_admin_can_send_it_again()
    {
        await using var host = await Start(b => b.Configuration["Outbox:MaxAttempts"] = "2");
        var id = await Enqueue(host, new SmsMessage("12345", "Your parcel"));
        var admin = await host.PrincipalFor("admin@portal.local");

        Assert.Equal(1, await host.DeliverOutboxAsync());
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await host.DeliverOutboxAsync());

        var failed = await host.Send(new ListOutboxMessages.Query(ListOutboxMessages.State.Failed), admin);
        var row = Assert.Single(failed.Rows, r => r.Id == id);
        Assert.Contains("invalid_number", row.LastError);
        Assert.Equal(0, await host.DeliverOutboxAsync());

        await host.Send(new RetryOutboxMessage.Command(id), admin);

        var pending = await host.Send(new ListOutboxMessages.Query(ListOutboxMessages.State.Pending), admin);
        Assert.Contains(pending.Rows, r => r.Id == id && r.Attempts == 0 && r.AbandonedAtUtc == null);
        Assert.Equal(1, await host.DeliverOutboxAsync());
    }

    [Fact]
    public async Task A_sent_message_is_not_sent_again_by_a_retry()
    {
        await using var host = await Start();
        var phone = NewPhone();
        var id = await Enqueue(host, new SmsMessage(phone, "Delivered. Thank you!"));
        await host.DeliverOutboxAsync();
        var admin = await host.PrincipalFor("admin@portal.local");

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Send(new RetryOutboxMessage.Command(id), admin));

        Assert.Equal("outbox.delivered", refused.Code);
        Assert.Single(Sandbox(host).To(phone));
    }

    [Fact]
    public async Task Only_an_admin_reads_or_retries_the_outbox()
    {
        await using var host = await Start();
        var dispatcher = await host.PrincipalFor("dispatcher@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => host.Send(new ListOutboxMessages.Query(ListOutboxMessages.State.Failed), dispatcher));
        await Assert.ThrowsAsync<ForbiddenRequestException>(() => host.Send(new RetryOutboxMessage.Command(1), dispatcher));
    }

    private static SmsSandbox Sandbox(PortalHost host) => host.Services.GetRequiredService<SmsSandbox>();

    private static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    private static async Task<long> Enqueue(PortalHost host, SmsMessage message)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(message);
        await db.SaveChangesAsync();
        return db.OutboxMessages.Local.Single().Id;
    }

    private Task<PortalHost> Start(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null) =>
        PortalHost.StartAsync(configure: b =>
        {
            b.Services.AddSingleton<TimeProvider>(_time);
            configure?.Invoke(b);
        });
}
