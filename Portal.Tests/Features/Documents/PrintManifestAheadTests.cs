using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Documents;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Dispatch;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Documents;

/// <summary>A host of its own: counting prints needs a renderer no other test prints with.</summary>
public sealed class PrintManifestAheadTests : IAsyncLifetime
{
    private PortalHost _host = default!;

    private ChromiumDocumentRenderer Renderer => _host.Services.GetRequiredService<ChromiumDocumentRenderer>();

    public async Task InitializeAsync() => _host = await PortalHost.StartAsync(configure: builder =>
    {
        builder.Configuration["Documents:PrePrintManifests"] = "true";
        builder.Configuration["Documents:PublicBaseUrl"] = "http://localhost";
        builder.Configuration["Documents:PrePrintDelay"] = "00:00:00.200";
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_planned_run_is_printed_ahead_and_served_without_printing_until_it_changes()
    {
        var first = await AssignToCourier();
        await PrintedAhead(1);
        var runId = await _host.WithDb(db => db.Runs.Where(r => r.CourierId == first.CourierId!.Value && r.Date == first.Window.Date).Select(r => r.Id).SingleAsync());
        var dispatcher = await SignedIn("zh-CN");

        var served = await PdfText.Fetch(dispatcher, $"/dispatch/runs/{runId}/manifest.pdf");

        Assert.Contains(first.TrackingCode.Value, served.All);
        Assert.Equal(1, Renderer.Printed);
        Assert.Equal(1, Renderer.ServedPrinted);

        // Another language is another document: printed on request.
        var english = await PdfText.Fetch(await SignedIn("en"), $"/dispatch/runs/{runId}/manifest.pdf");
        Assert.Contains("Run manifest", english.All);
        Assert.Equal(2, Renderer.Printed);

        // A stop added is a new document, printed ahead again and served with the new stop.
        var second = await AssignToCourier();
        await PrintedAhead(3);
        var changed = await PdfText.Fetch(dispatcher, $"/dispatch/runs/{runId}/manifest.pdf");

        Assert.Contains(second.TrackingCode.Value, changed.All);
        Assert.Contains(first.TrackingCode.Value, changed.All);
        Assert.Equal(3, Renderer.Printed);
        Assert.Equal(2, Renderer.ServedPrinted);
    }

    private async Task<Portal.Domain.Dispatch.Delivery> AssignToCourier()
    {
        var delivery = await DeliveryOf(_host, (await PlaceHandsetOrder(_host)).Number);
        var courierId = await CourierId(_host, CourierLogin);
        await _host.Send(new AssignDelivery.Command(delivery.Id, courierId, delivery.Version, null), await _host.PrincipalFor(Dispatcher));
        return await DeliveryOf(_host, delivery.OrderNumber);
    }

    private async Task PrintedAhead(long count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Renderer.Printed < count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"{Renderer.Printed} of {count} manifests printed ahead");
            await Task.Delay(50);
        }
    }

    private async Task<HttpClient> SignedIn(string culture)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHost.SignInAsync(client, Dispatcher)).StatusCode);
        return client;
    }
}
