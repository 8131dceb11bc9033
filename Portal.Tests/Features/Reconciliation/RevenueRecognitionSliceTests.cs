using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Tests.Components;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Delivery;
using Portal.Web.Features.Dispatch;
using Portal.Web.Features.Payments;
using Portal.Web.Features.Reconciliation;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Reconciliation;

/// <summary>Revenue through the real pipeline: earned when the courier hands the goods over, reversed by a refund, shown per day.</summary>
public sealed class RevenueRecognitionSliceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Delivery_recognises_the_cash_collected_once_and_a_refund_reverses_its_share()
    {
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        var courier = await Host.PrincipalFor(CourierLogin);
        await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), delivery.Version, null), await Host.PrincipalFor(Dispatcher));
        await Host.Send(new ConfirmPickUp.Command(delivery.Id), courier);
        await Host.Send(new StartDelivery.Command(delivery.Id), courier);
        foreach (var item in delivery.Items.Where(i => i.ReservedSerials.Count > 0))
        {
            await Host.Send(new RecordSerial.Command(delivery.Id, item.Sku, item.ReservedSerials.Single()), courier);
        }

        await Host.Send(new CheckCustomerId.Command(delivery.Id, Portal.Domain.Dispatch.IdDocumentType.ResidentIdCard, CustomerId), courier);
        await Host.Send(new Portal.Web.Features.Delivery.CollectPayment.Command(delivery.Id, delivery.AmountToCollect.Amount), courier);
        Assert.Empty(await Revenue(delivery.OrderNumber)); // paid, but not yet handed over
        await Host.Send(new CaptureSignature.Command(delivery.Id, SignaturePng()), courier);
        await Host.Send(new CompleteDelivery.Command(delivery.Id, null), courier);

        var recognised = Assert.Single(await Revenue(delivery.OrderNumber));
        Assert.Equal((LedgerTransactionKind.RevenueRecognised, $"revenue:{delivery.OrderNumber}", delivery.AmountToCollect),
            (recognised.Kind, recognised.SourceReference, recognised.Total));

        var payment = await Host.WithDb(db => db.Payments.AsNoTracking().SingleAsync(p => p.OrderNumber == delivery.OrderNumber));
        await Host.Send(new RefundPayment.Request(payment.Key, 10m, "Scratched case"), await Host.PrincipalFor("backoffice@portal.local"));

        var revenue = await Revenue(delivery.OrderNumber);
        var reversed = Assert.Single(revenue, t => t.Kind == LedgerTransactionKind.RevenueReversed);
        Assert.Equal(Money.Yuan(10), reversed.Total);
        Assert.Equal(delivery.AmountToCollect - Money.Yuan(10), RevenueRecognition.Recognised(revenue));

        var today = (await Host.Send(new GetRevenueByDay.Query(ChinaTime.Today(DateTime.UtcNow)), await Host.PrincipalFor("finance@portal.local")))[0];
        Assert.Equal((delivery.AmountToCollect.Amount - 10m, delivery.AmountToCollect.Amount - 10m), (today.Received, today.Recognised));
    }

    [Fact]
    public async Task The_finance_desk_lists_a_week_of_received_and_recognised_in_chinese()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            await using var context = new PortalComponentContext(Host, await Host.PrincipalFor("finance@portal.local"));
            var day = ChinaTime.Today(DateTime.UtcNow);
            var table = context.Render<RevenueByDay>(p => p.Add(c => c.Day, day));

            table.WaitForAssertion(() => Assert.Equal(GetRevenueByDay.Days, table.FindAll("[data-testid=finance-revenue-row]").Count));
            Assert.Contains("已确认收入", table.Markup);
            Assert.Contains(day.ToString("yyyy-MM-dd"), table.FindAll("[data-testid=finance-revenue-row]")[0].TextContent);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private Task<List<LedgerTransaction>> Revenue(string orderNumber) =>
        Host.WithDb(db => db.LedgerTransactions.AsNoTracking()
            .Where(t => t.OrderNumber == orderNumber && (t.Kind == LedgerTransactionKind.RevenueRecognised || t.Kind == LedgerTransactionKind.RevenueReversed))
            .ToListAsync());
}
