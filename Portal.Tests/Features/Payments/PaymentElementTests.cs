using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Payments;

/// <summary>
/// With a Stripe account (secret and publishable key) the pay page mounts Stripe's Payment Element with the stored
/// intent's client secret, and only that page's policy lets Stripe's hosts in. Stripe is the sandbox on a loopback
/// port, speaking Stripe's wire format.
/// </summary>
public sealed class PaymentElementTests : IAsyncLifetime
{
    private const string PublishableKey = "pk_test_portal_element";
    private StripeSandboxHost _stripe = null!;
    private PortalHost _host = null!;

    public async Task InitializeAsync()
    {
        _stripe = await StripeSandboxHost.StartAsync();
        _host = await PortalHost.StartAsync(configure: builder =>
        {
            builder.Configuration["Stripe:SecretKey"] = "sk_test_portal_account";
            builder.Configuration["Stripe:PublishableKey"] = PublishableKey;
            builder.Configuration["Stripe:WebhookSecret"] = "whsec_portal_element_test";
            builder.Configuration["Stripe:ApiBase"] = _stripe.ApiBase;
            builder.Configuration["PaymentLinks:PublicBaseUrl"] = "https://shop.example";
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    [Fact]
    public async Task The_pay_page_mounts_Stripe_s_element_with_the_intent_s_client_secret_and_no_sandbox_form()
    {
        var (_, _, token, intent) = await PayPageTests.Link(_host);
        using var customer = _host.CreateClient();

        var response = await customer.GetAsync($"/pay/{token:N}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"payment-element\"", page);
        Assert.Matches($"data-client-secret=\"{intent}_secret_[A-Za-z0-9]+\"", page);
        Assert.Contains($"data-publishable-key=\"{PublishableKey}\"", page);
        Assert.Contains($"data-return-url=\"https://shop.example/pay/{token:N}?sent=pay\"", page);
        Assert.Contains("src=\"https://js.stripe.com/v3/\"", page);
        Assert.DoesNotContain("pay-method-card", page);
        Assert.DoesNotContain("Sandbox — no real money", page);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", page);

        var csp = Policy(response);
        Assert.Contains("https://js.stripe.com", Directive(csp, "script-src"));
        Assert.Contains("https://js.stripe.com", Directive(csp, "frame-src"));
        Assert.Contains("https://api.stripe.com", Directive(csp, "connect-src"));
        Assert.DoesNotContain("unsafe-inline", Directive(csp, "script-src"));
    }

    [Fact]
    public async Task Stripe_s_hosts_are_allowed_on_the_pay_page_only()
    {
        using var client = _host.CreateClient();

        foreach (var path in new[] { "/Account/Login", "/health", "/api/v1/me" })
        {
            Assert.DoesNotContain("stripe.com", Policy(await client.GetAsync(path)));
        }
    }

    [Fact]
    public async Task The_return_from_Stripe_shows_only_what_our_records_say()
    {
        var (_, _, token, intent) = await PayPageTests.Link(_host);
        using var customer = _host.CreateClient();

        // Stripe redirects back claiming success; no webhook has arrived, so nothing is paid.
        var page = await customer.GetStringAsync($"/pay/{token:N}?sent=pay&payment_intent={intent}&redirect_status=succeeded");

        Assert.Contains("Confirming your payment", page);
        Assert.DoesNotContain("Paid. Thank you", page);
    }

    [Fact]
    public async Task Without_a_publishable_key_the_sandbox_form_stays_and_the_policy_names_no_Stripe_host()
    {
        await using var stripe = await StripeSandboxHost.StartAsync();
        await using var host = await PortalHost.StartAsync(configure: b => b.Configuration["Stripe:ApiBase"] = stripe.ApiBase);
        var (_, _, token, _) = await PayPageTests.Link(host);
        using var customer = host.CreateClient();

        var response = await customer.GetAsync($"/pay/{token:N}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("pay-method-card", page);
        Assert.DoesNotContain("data-client-secret", page);
        Assert.DoesNotContain("js.stripe.com", page);
        Assert.DoesNotContain("stripe.com", Policy(response));
    }

    [Fact]
    public async Task A_publishable_key_without_the_account_s_secret_key_is_refused_at_startup()
    {
        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            PortalHost.StartAsync(configure: b => b.Configuration["Stripe:PublishableKey"] = PublishableKey));
        Assert.Contains("Stripe:PublishableKey", ex.Message);
    }

    private static string Policy(HttpResponseMessage response) => string.Join(",", response.Headers.GetValues("Content-Security-Policy"));

    private static string Directive(string policy, string name) =>
        policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));
}
