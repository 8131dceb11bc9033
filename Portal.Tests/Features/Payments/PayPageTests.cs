using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Sms;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Orders;
using Portal.Web.Features.Payments;

namespace Portal.Tests.Features.Payments;

/// <summary>
/// The customer's pay page through the real HTTP pipeline, signed out: what it shows, paying and being declined in
/// the sandbox (which answers with its signed webhook), and links that expired or whose order was cancelled.
/// </summary>
public sealed class PayPageTests(SandboxPortalFixture fixture) : IClassFixture<SandboxPortalFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_customer_pays_with_Alipay_and_the_page_says_paid_only_once_the_webhook_arrived()
    {
        var (number, phone, token, intent) = await Link();
        var customer = Host.CreateClient();
        await Host.DeliverOutboxAsync();
        var sms = Assert.Single(Host.Services.GetRequiredService<SmsSandbox>().To(phone));
        Assert.Contains($"/pay/{token:N}", sms.Text);
        Assert.Contains(number, sms.Text);

        var page = await customer.GetStringAsync($"/pay/{token:N}");
        Assert.Contains("Sandbox — no real money", page);
        Assert.Contains(number, page);
        Assert.Contains(phone[..3] + "****" + phone[7..], page);
        Assert.DoesNotContain(phone, page);
        Assert.DoesNotContain("Test Customer", page);

        var posted = await Submit(customer, page, token, "alipay", "pay");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/pay/{token:N}?sent=pay", PortalHost.RedirectPath(posted));

        Assert.Contains("Confirming your payment", await customer.GetStringAsync($"/pay/{token:N}?sent=pay"));
        Assert.Equal("Pending", await Host.WithDb(db => db.Payments.Where(p => p.Key == token).Select(p => p.Status.ToString()).SingleAsync()));

        await fixture.Stripe.DeliverEventsAsync(Host, "payment_intent.succeeded", intent);

        Assert.Contains("Paid. Thank you", await customer.GetStringAsync($"/pay/{token:N}?sent=pay"));
        var order = await Host.Send(new GetOrder.Query(number), await Rep());
        Assert.Equal(("Paid", "ReadyForDispatch"), (order.PaymentStatus, order.Status));
        Assert.Contains("\"alipay\"", fixture.Stripe.Sandbox.EventJson(fixture.Stripe.Sandbox.EventIds("charge.succeeded").Last()));
    }

    [Fact]
    public async Task A_declined_payment_is_explained_and_can_be_tried_again()
    {
        var (_, _, token, intent) = await Link();
        var customer = Host.CreateClient();
        var page = await customer.GetStringAsync($"/pay/{token:N}");

        await Submit(customer, page, token, "card", "decline");
        await fixture.Stripe.DeliverEventsAsync(Host, "payment_intent.payment_failed", intent);

        page = await customer.GetStringAsync($"/pay/{token:N}?sent=decline");
        Assert.Contains("The payment was declined", page);
        Assert.Contains("data-testid=\"pay-submit\"", page);

        await Submit(customer, page, token, "wechat_pay", "pay");
        await fixture.Stripe.DeliverEventsAsync(Host, "payment_intent.succeeded", intent);
        Assert.Contains("Paid. Thank you", await customer.GetStringAsync($"/pay/{token:N}"));
    }

    [Fact]
    public async Task The_page_speaks_Chinese_and_an_unknown_link_reveals_nothing()
    {
        var (_, _, token, _) = await Link();
        var customer = Host.CreateClient();
        customer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var page = await customer.GetStringAsync($"/pay/{token:N}");
        Assert.Contains("沙箱环境 — 不涉及真实资金", page);
        Assert.Contains("支付宝", page);

        var unknown = await customer.GetStringAsync($"/pay/{Guid.NewGuid():N}");
        Assert.Contains("此支付链接无效", unknown);
    }

    [Fact]
    public async Task A_cancelled_order_s_link_says_so_and_paying_it_reaches_nothing()
    {
        var (number, _, token, intent) = await Link();
        var customer = Host.CreateClient();
        var page = await customer.GetStringAsync($"/pay/{token:N}");
        await Host.Send(new CancelOrder.Command(number, "Customer changed their mind"), await Rep());

        var posted = await Submit(customer, page, token, "card", "pay");

        Assert.Equal($"/pay/{token:N}", PortalHost.RedirectPath(posted));
        Assert.Contains("This order was cancelled", await customer.GetStringAsync($"/pay/{token:N}"));
        Assert.DoesNotContain(fixture.Stripe.Sandbox.EventIds("payment_intent.succeeded"), id => fixture.Stripe.Sandbox.EventJson(id).Contains(intent, StringComparison.Ordinal));
    }

    private Task<(string Number, string Phone, Guid Token, string Intent)> Link() => Link(Host);

    /// <summary>An online pre-order and the link a rep created for it.</summary>
    internal static async Task<(string Number, string Phone, Guid Token, string Intent)> Link(PortalHost host)
    {
        var rep = await host.PrincipalFor("rep@portal.local");
        var phone = OrderSlice.NewPhone();
        var number = (await OrderSlice.PlacePreOrder(host, rep, phone, payment: "Online")).Number;
        var link = await host.Send(new CreatePaymentLink.Command(number), rep);
        return (number, phone, Guid.Parse(link.Url[(link.Url.LastIndexOf('/') + 1)..]), link.PaymentIntentId);
    }

    private Task<ClaimsPrincipal> Rep() => Host.PrincipalFor("rep@portal.local");

    internal static async Task<HttpResponseMessage> Submit(HttpClient customer, string page, Guid token, string method, string action) =>
        await customer.PostAsync($"/pay/{token:N}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "pay",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(PortalHost.AntiforgeryToken().Match(page).Groups[1].Value),
            ["Input.Method"] = method,
            ["Input.Action"] = action,
        }));
}
