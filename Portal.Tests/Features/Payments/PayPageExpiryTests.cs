using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Payments;

/// <summary>Apart from the other pay page tests: this one moves its portal's clock a day on.</summary>
public sealed class PayPageExpiryTests(SandboxPortalFixture fixture) : IClassFixture<SandboxPortalFixture>
{
    [Fact]
    public async Task An_expired_link_says_so_and_cannot_be_paid()
    {
        var (_, _, token, intent) = await PayPageTests.Link(fixture.Host);
        var customer = fixture.Host.CreateClient();
        var page = await customer.GetStringAsync($"/pay/{token:N}");

        fixture.Time.Advance(TimeSpan.FromHours(25));

        Assert.Contains("This payment link has expired", await customer.GetStringAsync($"/pay/{token:N}"));
        Assert.Equal($"/pay/{token:N}", PortalHost.RedirectPath(await PayPageTests.Submit(customer, page, token, "card", "pay")));
        Assert.DoesNotContain(fixture.Stripe.Sandbox.EventIds("payment_intent.succeeded"), id => fixture.Stripe.Sandbox.EventJson(id).Contains(intent, StringComparison.Ordinal));
    }
}
