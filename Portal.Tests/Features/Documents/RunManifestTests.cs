using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Documents;
using Portal.Tests.Features.Dispatch;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Dispatch;
using Portal.Web.Features.Documents;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Documents;

public sealed partial class RunManifestTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private async Task<(Delivery Delivery, long RunId)> OnCourierRun(string courierLogin = CourierLogin)
    {
        // The second demo courier covers Haizhu, the first Tianhe.
        var order = courierLogin == Courier2Login ? await PlaceHandsetOrder(Host, "海珠区", "江南西路 38 号") : await PlaceHandsetOrder(Host);
        var delivery = await DeliveryOf(Host, order.Number);
        var courierId = await CourierId(Host, courierLogin);
        await Host.Send(new AssignDelivery.Command(delivery.Id, courierId, delivery.Version, null), await Host.PrincipalFor(Dispatcher));
        var runId = await Host.WithDb(db => db.Runs.Where(r => r.CourierId == courierId && r.Date == delivery.Window.Date).Select(r => r.Id).SingleAsync());
        return (await DeliveryOf(Host, delivery.OrderNumber), runId);
    }

    private async Task<HttpClient> SignedIn(string email)
    {
        var client = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHost.SignInAsync(client, email)).StatusCode);
        return client;
    }

    [Fact]
    public async Task The_manifest_pdf_lists_each_stop_with_chinese_name_masked_phone_serials_and_totals()
    {
        var (delivery, runId) = await OnCourierRun();
        var dispatcher = await SignedIn(Dispatcher);

        var pdf = await PdfText.Fetch(dispatcher, $"/dispatch/runs/{runId}/manifest.pdf");

        var text = pdf.All;
        Assert.Contains("林晓", text);
        Assert.Contains(delivery.RecipientPhone.Masked, text);
        Assert.DoesNotContain(delivery.RecipientPhone.Value, text);
        Assert.Contains(delivery.TrackingCode.Value, text);
        foreach (var serial in delivery.Items.SelectMany(i => i.ReservedSerials))
        {
            Assert.Contains(serial, text);
        }

        var manifest = await Host.Send(new RunManifest.Query(runId), await Host.PrincipalFor(Dispatcher));
        Assert.Contains($"¥{manifest.CashTotal:0.00}", text);
        Assert.True(manifest.CashTotal >= delivery.AmountToCollect.Amount);
        Assert.Matches(@"Page 1 / \d+", text);
        Assert.Contains("陈强", text);
    }

    [Fact]
    public async Task A_courier_cannot_fetch_a_run_manifest_and_their_own_lists_only_their_stops()
    {
        var (mine, runId) = await OnCourierRun(CourierLogin);
        var (theirs, _) = await OnCourierRun(Courier2Login);
        var courier = await SignedIn(CourierLogin);

        Assert.Equal(HttpStatusCode.Forbidden, (await courier.GetAsync($"/dispatch/runs/{runId}/manifest.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await courier.GetAsync($"/dispatch/runs/{runId}/manifest")).StatusCode);
        var own = await PdfText.Fetch(courier, $"/courier/manifest.pdf?date={mine.Window.Date:yyyy-MM-dd}");

        Assert.Contains(mine.TrackingCode.Value, own.All);
        Assert.DoesNotContain(theirs.TrackingCode.Value, own.All);
        Assert.DoesNotContain(theirs.RecipientPhone.Masked, own.All);
    }

    [Fact]
    public async Task A_stop_added_after_printing_gives_the_manifest_a_new_id()
    {
        var (_, runId) = await OnCourierRun();
        var dispatcher = await SignedIn(Dispatcher);
        var before = DocumentId(await dispatcher.GetStringAsync($"/dispatch/runs/{runId}/manifest"));
        Assert.Equal(before, DocumentId(await dispatcher.GetStringAsync($"/dispatch/runs/{runId}/manifest")));

        await OnCourierRun();

        Assert.NotEqual(before, DocumentId(await dispatcher.GetStringAsync($"/dispatch/runs/{runId}/manifest")));
    }

    [Fact]
    public async Task An_unknown_run_is_not_found()
    {
        var dispatcher = await SignedIn(Dispatcher);

        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.GetAsync("/dispatch/runs/987654321/manifest.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_manifest_of_no_stops_and_one_of_200_stops_are_sensible_documents()
    {
        var renderer = Host.Services.GetRequiredService<IDocumentRenderer>();
        var empty = new RunManifest.Manifest(null, "配送员 <陈强>", DeliveryChannel.InHouse, Tomorrow, "天河体育中心营业网点", 0, []);
        var full = empty with
        {
            Stops = [.. Enumerable.Range(1, 200).Select(i => new RunManifest.Stop(
                i, i, $"T{i:D8}", $"O{i:D8}", "14:00-18:00", null, $"顾客{i}", "138****8000", $"广州市 天河区 体育西路{i}号",
                [new RunManifest.Item("华为 nova 12", 1, [$"35693803564{i:D4}"])], 100m, i % 2 == 0 ? CollectionMethod.Cash : CollectionMethod.Pos, true))],
        };

        var none = PdfText.Of(await Print(renderer, empty));
        var many = PdfText.Of(await Print(renderer, full));

        Assert.Single(none.Pages);
        Assert.Contains("No stops on this run.", none.All);
        Assert.Contains("配送员 <陈强>", none.All);
        Assert.True(many.Pages.Count > 10, $"{many.Pages.Count} pages");
        Assert.Contains("顾客200", many.Pages[^1] + many.Pages[^2]);
        Assert.Contains("¥10000.00", many.All);
        Assert.Contains($"Page {many.Pages.Count} / {many.Pages.Count}", many.Pages[^1]);
    }

    private static async Task<byte[]> Print(IDocumentRenderer renderer, RunManifest.Manifest manifest) =>
        await renderer.PrintPdfAsync(await renderer.RenderHtmlAsync<RunManifestDocument>("Run manifest", new Dictionary<string, object?>
        {
            [nameof(RunManifestDocument.Manifest)] = manifest,
            [nameof(RunManifestDocument.BaseUrl)] = "http://localhost",
        }));

    private static string DocumentId(string html) => DocumentIdPattern().Match(html).Groups[1].Value is { Length: > 0 } id ? id : throw new Xunit.Sdk.XunitException("no document id");

    [GeneratedRegex("data-document-id=\"([0-9A-F]+)\"")]
    private static partial Regex DocumentIdPattern();
}
