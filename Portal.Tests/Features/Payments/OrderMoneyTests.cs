using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;
using Portal.Web.Features.Ledger;
using Portal.Web.Features.Orders;
using Portal.Web.Features.Payments;

namespace Portal.Tests.Features.Payments;

/// <summary>
/// The order page's money panel, the refund a cancellation starts, the four-eyes worklist, and finance's ledger
/// entries and their CSV export; payments are paid through the sandbox and confirmed by its signed webhooks.
/// </summary>
public sealed class OrderMoneyTests(SandboxPortalFixture fixture) : IClassFixture<SandboxPortalFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_what_was_captured_and_the_money_panel_shows_payment_refund_and_postings()
    {
        var (number, intent) = await PaidOnline("ACC-CHARGER-66W");
        var rep = await Host.PrincipalFor("rep@portal.local");

        await Host.Send(new CancelOrder.Command(number, "Customer found it cheaper"), rep);
        await Host.DeliverOutboxAsync();
        await fixture.Stripe.DeliverEventsAsync(Host, "refund.updated", intent);

        var money = await Host.Send(new GetOrderMoney.Query(number), rep);
        var payment = Assert.Single(money.Payments);
        var refund = Assert.Single(payment.Refunds);
        Assert.Equal(("Refunded", payment.Amount, "Succeeded", "客服代表 王芳"), (payment.Status, payment.Refunded, refund.Status, refund.RequestedBy));
        Assert.StartsWith("Order cancelled: Customer found it cheaper", refund.Reason);
        Assert.Equal(
            [nameof(LedgerTransactionKind.OrderInvoiced), nameof(LedgerTransactionKind.OnlinePayment), nameof(LedgerTransactionKind.RefundOwed), nameof(LedgerTransactionKind.RefundPaid)],
            money.Postings.Select(p => p.Kind).Where(k => k != nameof(LedgerTransactionKind.Fee)));
        Assert.All(money.Postings, p => Assert.Equal(p.Entries.Sum(e => e.Debit), p.Entries.Sum(e => e.Credit)));
        Assert.Equal("Refunded", (await Host.Send(new GetOrder.Query(number), rep)).PaymentStatus);
    }

    [Fact]
    public async Task A_large_refund_from_a_cancellation_waits_for_a_second_person_and_the_requester_sees_it_as_their_own()
    {
        var (number, _) = await PaidOnline("HS-HONOR-X50-128-BLK");
        var backOffice = await Host.PrincipalFor("backoffice@portal.local");

        await Host.Send(new CancelOrder.Command(number, "Wrong colour"), backOffice);

        var mine = Assert.Single(await Host.Send(new ListRefundApprovals.Query(), backOffice), w => w.OrderNumber == number);
        Assert.True(mine.RequestedByMe);
        var finance = await Host.PrincipalFor("finance@portal.local");
        var theirs = Assert.Single(await Host.Send(new ListRefundApprovals.Query(), finance), w => w.OrderNumber == number);
        Assert.False(theirs.RequestedByMe);
        Assert.Equal(0, await Host.WithDb(db => db.LedgerTransactions.CountAsync(t => t.OrderNumber == number && t.Kind == LedgerTransactionKind.RefundOwed)));

        var approved = await Host.Send(new RefundPayment.Approve(theirs.PaymentId, theirs.RefundId), finance);

        Assert.Equal("Requested", approved.Status);
        Assert.DoesNotContain(await Host.Send(new ListRefundApprovals.Query(), finance), w => w.OrderNumber == number);
        Assert.Equal(1, await Host.WithDb(db => db.LedgerTransactions.CountAsync(t => t.OrderNumber == number && t.Kind == LedgerTransactionKind.RefundOwed)));
    }

    [Fact]
    public async Task Finance_pages_entries_by_account_and_period()
    {
        var (number, _) = await PaidOnline("ACC-CHARGER-66W");
        var finance = await Host.PrincipalFor("finance@portal.local");
        var today = Portal.Domain.Shared.ChinaTime.Today(fixture.Time.GetUtcNow().UtcDateTime);

        var stripe = await Host.Send(new ListPostings.Query(ChartOfAccounts.StripeBalance, today, today, new ListRequest(0, 100)), finance);
        var later = await Host.Send(new ListPostings.Query(ChartOfAccounts.StripeBalance, today.AddDays(1), null), finance);
        var onePage = await Host.Send(new ListPostings.Query(null, null, null, new ListRequest(0, 2)), finance);

        Assert.All(stripe.Items, e => Assert.Equal(ChartOfAccounts.StripeBalance, e.AccountCode));
        Assert.Contains(stripe.Items, e => e.OrderNumber == number && e.Debit > 0);
        Assert.Empty(later.Items);
        Assert.Equal(2, onePage.Items.Count);
        Assert.True(onePage.Total >= 6);
        var rep = await Host.PrincipalFor("rep@portal.local");
        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new ListPostings.Query(), rep));
    }

    [Fact]
    public async Task The_CSV_export_answers_finance_only_and_lists_the_filtered_entries()
    {
        var (number, _) = await PaidOnline("ACC-CHARGER-66W");
        var finance = Host.CreateClient();
        await PortalHost.SignInAsync(finance, "finance@portal.local");
        var rep = Host.CreateClient();
        await PortalHost.SignInAsync(rep, "rep@portal.local");

        var csv = await finance.GetAsync($"{ExportPostings.Route}?account={ChartOfAccounts.CustomerReceivable}");
        var refused = await rep.GetAsync(ExportPostings.Route);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("posted_at_china,kind,description,order,account", lines[0]);
        Assert.Contains(lines, l => l.Contains($"\"{number}\",\"1100\"", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Contains(",\"1100\",", l));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task A_courier_charges_on_the_stations_Terminal_reader_and_only_Stripes_webhook_marks_the_order_paid()
    {
        var (number, total) = await CollectPaymentTests.OrderWithCourier(Host);
        var courier = await Host.PrincipalFor("courier@portal.local");

        var started = await Host.Send(new ChargeOnTerminal.Command(number, "tmr_station_1"), courier);
        Assert.Equal(("Pending", total), (started.Status, started.Amount));
        await Host.DeliverOutboxAsync();
        await Host.DeliverOutboxAsync();
        var intent = await Host.WithDb(db => db.Payments.Where(p => p.Key == started.PaymentId).Select(p => p.Reference).SingleAsync());
        Assert.Equal("Unpaid", (await Host.Send(new GetOrder.Query(number), await Host.PrincipalFor("rep@portal.local"))).PaymentStatus);

        await fixture.Stripe.DeliverEventsAsync(Host, "payment_intent.succeeded", intent!);

        Assert.Equal("Paid", (await Host.Send(new GetOrder.Query(number), await Host.PrincipalFor("rep@portal.local"))).PaymentStatus);
        Assert.Single(fixture.Stripe.Sandbox.EventIds("payment_intent.succeeded"), id => fixture.Stripe.Sandbox.EventJson(id).Contains(intent!, StringComparison.Ordinal));
        Assert.Equal(1, await Host.WithDb(db => db.LedgerTransactions.CountAsync(t => t.OrderNumber == number && t.Kind == LedgerTransactionKind.TerminalPayment)));
        var noReader = await Assert.ThrowsAsync<Portal.Web.Common.Behaviours.RequestValidationException>(() => Host.Send(new ChargeOnTerminal.Command(number, " "), courier));
        Assert.Contains("ReaderId", noReader.Errors.Keys);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-2", "\"'-2\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("Order SO1 invoiced", "\"Order SO1 invoiced\"")]
    [InlineData(null, "\"\"")]
    public void A_CSV_cell_a_spreadsheet_would_run_as_a_formula_is_defused(string? text, string expected) =>
        Assert.Equal(expected, ExportPostings.Cell(text));

    private async Task<(string Number, string Intent)> PaidOnline(string sku)
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var number = (await Orders.OrderSlice.PlacePreOrder(Host, rep, Orders.OrderSlice.NewPhone(), sku, payment: "Online")).Number;
        var link = await Host.Send(new CreatePaymentLink.Command(number), rep);
        await fixture.Stripe.HelperAsync($"payment_intents/{link.PaymentIntentId}/succeed");
        await fixture.Stripe.DeliverEventsAsync(Host, "payment_intent.succeeded", link.PaymentIntentId);
        return (number, link.PaymentIntentId);
    }
}
