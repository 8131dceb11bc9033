using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Payments;

namespace Portal.Tests.Features.Payments;

/// <summary>Apart from the other pay page tests: this one moves its portal's clock a day on.</summary>
public sealed class PayPageExpiryTests(SandboxPortalFixture fixture) : IClassFixture<SandboxPortalFixture>
{
    [Fact]
    public async Task An_expired_link_says_so_cannot_be_paid_and_the_sweep_cancels_its_intent_once()
    {
        var (_, _, token, intent) = await PayPageTests.Link(fixture.Host);
        var customer = fixture.Host.CreateClient();
        var page = await customer.GetStringAsync($"/pay/{token:N}");
        var sweeper = SystemPrincipal.For(ExpirePaymentLinks.SweepJob.JobName);
        Assert.DoesNotContain(token, await fixture.Host.Send(new ExpirePaymentLinks.Command(), sweeper));

        fixture.Time.Advance(TimeSpan.FromHours(25));

        Assert.Contains("This payment link has expired", await customer.GetStringAsync($"/pay/{token:N}"));
        Assert.Equal($"/pay/{token:N}", PortalHost.RedirectPath(await PayPageTests.Submit(customer, page, token, "card", "pay")));
        Assert.DoesNotContain(fixture.Stripe.Sandbox.EventIds("payment_intent.succeeded"), id => fixture.Stripe.Sandbox.EventJson(id).Contains(intent, StringComparison.Ordinal));

        Assert.Contains(token, await fixture.Host.Send(new ExpirePaymentLinks.Command(), sweeper));
        Assert.DoesNotContain(token, await fixture.Host.Send(new ExpirePaymentLinks.Command(), sweeper));
        await fixture.Host.DeliverOutboxAsync();

        Assert.Equal("canceled", (string?)fixture.Stripe.Sandbox.GetIntent(intent)["status"]);
        Assert.Equal("Cancelled", await fixture.Host.WithDb(db => db.Payments.Where(p => p.Key == token).Select(p => p.Status.ToString()).SingleAsync()));
        Assert.Contains("This payment link has expired", await customer.GetStringAsync($"/pay/{token:N}"));
    }
}
