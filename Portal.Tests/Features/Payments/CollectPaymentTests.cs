using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Payments;

namespace Portal.Tests.Features.Payments;

public sealed class CollectPaymentTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private const string Courier = "courier@portal.local";

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Cash_at_the_door_computes_the_change_pays_the_order_and_lands_in_the_couriers_cash()
    {
        var (number, total) = await OrderWithCourier();
        var courier = await Host.PrincipalFor(Courier);

        var result = await Host.Send(new CollectPayment.Command(number, "Cash", Tendered: total + 50.5m), courier);

        Assert.Equal(("Cash", total, 50.5m, "Paid"), (result.Method, result.Amount, result.Change, result.PaymentStatus));
        var postings = await Host.WithDb(db => db.LedgerTransactions.AsNoTracking().Where(t => t.OrderNumber == number).ToListAsync());
        var cash = Assert.Single(postings, p => p.Kind == LedgerTransactionKind.CashCollected);
        Assert.Equal(ChartOfAccounts.CourierCash(Courier), cash.Entries.Single(e => e.Debit.Amount > 0).AccountCode);
        Assert.Single(postings, p => p.Kind == LedgerTransactionKind.OrderInvoiced);
    }

    [Fact]
    public async Task A_pos_slip_is_accepted_once_and_refused_when_reused_writing_nothing()
    {
        var slip = $"SLIP{Random.Shared.Next(100_000_000):D9}";
        var (first, total) = await OrderWithCourier();
        var (second, _) = await OrderWithCourier();
        var courier = await Host.PrincipalFor(Courier);

        var paid = await Host.Send(new CollectPayment.Command(first, "Pos", SlipReference: slip, TerminalId: "T-0042"), courier);
        var ex = await Assert.ThrowsAsync<DomainException>(() => Host.Send(new CollectPayment.Command(second, "Pos", SlipReference: slip, TerminalId: "T-0042"), courier));

        Assert.Equal((total, "Paid"), (paid.Amount, paid.PaymentStatus));
        Assert.Equal("payment.slip_reused", ex.Code);
        Assert.Equal(0, await Host.WithDb(db => db.Payments.CountAsync(p => p.OrderNumber == second)));
        Assert.Equal(0, await Host.WithDb(db => db.LedgerTransactions.CountAsync(t => t.OrderNumber == second)));
    }

    [Fact]
    public async Task Too_little_cash_is_refused()
    {
        var (number, total) = await OrderWithCourier();

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Host.Send(new CollectPayment.Command(number, "Cash", Tendered: total - 1), Host.PrincipalFor(Courier).Result));

        Assert.Equal("payment.tendered_short", ex.Code);
    }

    [Fact]
    public async Task A_courier_cannot_collect_for_another_couriers_order()
    {
        var (number, total) = await OrderWithCourier("someone.else@portal.local");

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Host.Send(new CollectPayment.Command(number, "Cash", Tendered: total), Host.PrincipalFor(Courier).Result));
        Assert.Equal(0, await Host.WithDb(db => db.Payments.CountAsync(p => p.OrderNumber == number)));
    }

    [Fact]
    public async Task A_double_tap_with_the_same_request_id_records_one_payment()
    {
        var (number, total) = await OrderWithCourier();
        var courier = await Host.PrincipalFor(Courier);
        var command = new CollectPayment.Command(number, "Cash", Tendered: total, RequestId: Guid.NewGuid());

        var first = await Host.Send(command, courier);
        var again = await Host.Send(command, courier);

        Assert.Equal(first.PaymentId, again.PaymentId);
        Assert.Equal(1, await Host.WithDb(db => db.Payments.CountAsync(p => p.OrderNumber == number && p.Status == PaymentAttemptStatus.Succeeded)));
    }

    /// <summary>A cash pre-order out for delivery with the given courier.</summary>
    [Fact]
    public async Task A_cash_refund_becomes_a_cashier_pay_out_item_and_leaves_the_stations_safe_when_paid_out()
    {
        var (number, total) = await OrderWithCourier();
        var paid = await Host.Send(new CollectPayment.Command(number, "Cash", Tendered: total), await Host.PrincipalFor(Courier));
        var requested = await Host.Send(new RefundPayment.Request(paid.PaymentId, 20m, "Charger missing from the box"), await Host.PrincipalFor("backoffice@portal.local"));
        var cashier = await Host.PrincipalFor("cashier@portal.local");

        var item = Assert.Single((await Host.Send(new PayOutRefund.Query(), cashier)).Refunds, r => r.RefundId == requested.RefundId);
        var noStation = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new PayOutRefund.Command(item.PaymentId, item.RefundId, "NOWHERE"), cashier));
        await Host.Send(new PayOutRefund.Command(item.PaymentId, item.RefundId, "ST-GZ-TIANHE"), cashier);

        Assert.Contains("Station", noStation.Errors.Keys);
        Assert.DoesNotContain((await Host.Send(new PayOutRefund.Query(), cashier)).Refunds, r => r.RefundId == requested.RefundId);
        var paidOut = await Host.WithDb(db => db.LedgerTransactions.AsNoTracking().SingleAsync(t => t.OrderNumber == number && t.Kind == LedgerTransactionKind.RefundPaid));
        Assert.Equal(ChartOfAccounts.StationSafe("ST-GZ-TIANHE"), paidOut.Entries.Single(e => e.Credit.Amount > 0).AccountCode);
        Assert.Equal("PartiallyRefunded", await Host.WithDb(db => db.Orders.Where(o => o.Number == number).Select(o => o.PaymentStatus.ToString()).SingleAsync()));
    }

    private Task<(string Number, decimal Total)> OrderWithCourier(string courier = Courier) => OrderWithCourier(Host, courier);

    /// <summary>A cash-on-delivery pre-order out for delivery with the courier.</summary>
    internal static async Task<(string Number, decimal Total)> OrderWithCourier(PortalHost host, string courier = Courier)
    {
        var rep = await host.PrincipalFor("rep@portal.local");
        var placed = await OrderSlice.PlacePreOrder(host, rep, OrderSlice.NewPhone());
        await host.WithDb(async db =>
        {
            var order = await db.Orders.SingleAsync(o => o.Number == placed.Number);
            order.Assign(courier, "dispatcher@portal.local", DateTime.UtcNow);
            order.StartDelivery(courier, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });
        return (placed.Number, placed.Total);
    }
}
