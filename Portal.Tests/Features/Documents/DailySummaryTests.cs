using System.Net;
using Portal.Domain.Dispatch;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Delivery;
using Portal.Web.Features.Dispatch;
using Portal.Web.Features.Documents;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Documents;

public sealed class DailySummaryTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private async Task<Delivery> OutForDelivery()
    {
        var delivery = await DeliveryOf(Host, (await PlaceHandsetOrder(Host)).Number);
        await Host.Send(new AssignDelivery.Command(delivery.Id, await CourierId(Host, CourierLogin), delivery.Version, null), await Host.PrincipalFor(Dispatcher));
        var courier = await Host.PrincipalFor(CourierLogin);
        await Host.Send(new ConfirmPickUp.Command(delivery.Id), courier);
        await Host.Send(new StartDelivery.Command(delivery.Id), courier);
        return await DeliveryOf(Host, delivery.OrderNumber);
    }

    [Fact]
    public async Task The_summary_counts_each_couriers_planned_delivered_and_failed_stops_and_the_cash_to_hand_over()
    {
        var courier = await Host.PrincipalFor(CourierLogin);
        var delivered = await OutForDelivery();
        foreach (var item in delivered.Items)
        {
            await Host.Send(new RecordSerial.Command(delivered.Id, item.Sku, item.ReservedSerials.Single()), courier);
        }

        await Host.Send(new CheckCustomerId.Command(delivered.Id, IdDocumentType.ResidentIdCard, CustomerId), courier);
        await Host.Send(new CollectPayment.Command(delivered.Id, delivered.AmountToCollect.Amount), courier);
        await Host.Send(new CaptureSignature.Command(delivered.Id, SignaturePng()), courier);
        await Host.Send(new CompleteDelivery.Command(delivered.Id, null), courier);
        var failed = await OutForDelivery();
        await Host.Send(new RecordFailedAttempt.Command(failed.Id, FailureReason.CustomerAbsent, null), courier);

        var summary = await Host.Send(new DailySummary.Query(Tomorrow), await Host.PrincipalFor(Dispatcher));
        var row = summary.Rows.Single(r => r.Courier == "陈强");
        Assert.Equal((2, 1, 1, delivered.AmountToCollect.Amount), (row.Planned, row.Delivered, row.Failed, row.Cash));
        Assert.Equal(1, row.FailedByReason[FailureReason.CustomerAbsent]);

        var dispatcher = Host.CreateClient();
        await PortalHost.SignInAsync(dispatcher, Dispatcher);
        var pdf = await PdfText.Fetch(dispatcher, $"/dispatch/summary/{Tomorrow:yyyy-MM-dd}.pdf");
        Assert.Contains("陈强", pdf.All);
        Assert.Contains($"¥{delivered.AmountToCollect.Amount:0.00}", pdf.All);
        Assert.Contains("Customer absent 1", pdf.All);
    }

    [Fact]
    public async Task A_courier_cannot_print_the_summary_and_a_bad_date_is_refused()
    {
        var courier = Host.CreateClient();
        await PortalHost.SignInAsync(courier, CourierLogin);
        var dispatcher = Host.CreateClient();
        await PortalHost.SignInAsync(dispatcher, Dispatcher);

        Assert.Equal(HttpStatusCode.Forbidden, (await courier.GetAsync($"/dispatch/summary/{Tomorrow:yyyy-MM-dd}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dispatcher.GetAsync("/dispatch/summary/2026-02-30.pdf")).StatusCode);
    }
}
