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

    [Fact]
    public async Task Chinese_reads_back_as_printed_including_radical_look_alikes_and_rare_name_characters()
    {
        var renderer = Host.Services.GetRequiredService<IDocumentRenderer>();
        // 广 and 户 came out of Noto's text map as the Kangxi radicals ⼴ and ⼾; 𠮷 (extension B) only Noto has.
        var manifest = new RunManifest.Manifest(7, "户晓明", DeliveryChannel.InHouse, Tomorrow, "天河体育中心营业网点", 0, [
            new RunManifest.Stop(1, 1, "T00000001", "O00000001", "14:00-18:00", null, "𠮷田光", "138****8000", "广州市 天河区 住户中心 3 号",
                [new RunManifest.Item("华为 nova 12", 1, ["356938035640001"])], 100m, CollectionMethod.Cash, true),
        ]);

        var text = PdfText.Of(await Print(renderer, manifest)).All;

        Assert.Contains("户晓明", text);
        Assert.Contains("广州市 天河区 住户中心 3 号", text);
        Assert.Contains("𠮷田光", text);
    }

    [Fact]
    public async Task Every_stop_carries_a_qr_code_that_opens_it_on_the_couriers_phone()
    {
        var renderer = Host.Services.GetRequiredService<IDocumentRenderer>();
        long[] deliveries = [41, 42, 9_000_000_000_043]; // the last a longer address, so a larger code than the others
        var manifest = new RunManifest.Manifest(7, "陈强", DeliveryChannel.InHouse, Tomorrow, "天河", 0, [.. Enumerable.Range(1, 3).Select(i =>
            new RunManifest.Stop(deliveries[i - 1], i, $"T{i:D8}", $"O{i:D8}", "14:00-18:00", null, $"顾客{i}", "138****8000", "广州市", [], 0m, CollectionMethod.None, false))]);

        var html = (await renderer.RenderHtmlAsync<RunManifestDocument>("Run manifest", new Dictionary<string, object?>
        {
            [nameof(RunManifestDocument.Manifest)] = manifest,
            [nameof(RunManifestDocument.BaseUrl)] = "http://localhost",
        })).Html;

        var sheet = QrPng.Read(Convert.FromBase64String(QrSheetPattern().Match(html).Groups[1].Value));
        var codes = QrPattern().Matches(html);
        Assert.Equal(["Open stop 1", "Open stop 2", "Open stop 3"], codes.Select(c => c.Groups[3].Value));
        Assert.Equal(
            [.. deliveries.Select(d => $"http://localhost/courier/stops/{d}")],
            codes.Select(c => Decode(sheet, int.Parse(c.Groups[1].Value), int.Parse(c.Groups[2].Value))));
    }

    [Fact]
    public async Task Qr_codes_are_printed_from_one_image_of_one_sample_a_module_and_not_smoothed()
    {
        var renderer = Host.Services.GetRequiredService<IDocumentRenderer>();
        var manifest = new RunManifest.Manifest(8, "陈强", DeliveryChannel.InHouse, Tomorrow, "天河", 0, [.. Enumerable.Range(1, 3).Select(i =>
            new RunManifest.Stop(50 + i, i, $"T{i:D8}", $"O{i:D8}", "14:00-18:00", null, $"顾客{i}", "138****8000", "广州市", [], 0m, CollectionMethod.None, false))]);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await Print(renderer, manifest));
        var images = pdf.GetPages().SelectMany(p => p.GetImages()).ToList();

        Assert.Equal(3, images.Count);
        Assert.All(images, image =>
        {
            Assert.Equal(37, image.WidthInSamples); // 29 modules (version 3) and the 4-module quiet zone each side
            Assert.Equal(3 * 37, image.HeightInSamples); // the three codes' one image
            Assert.False(image.Interpolate);
        });
    }

    [Fact]
    public async Task A_printed_manifest_embeds_fonts_cut_to_its_characters_not_the_system_fonts()
    {
        var renderer = Host.Services.GetRequiredService<IDocumentRenderer>();
        var manifest = new RunManifest.Manifest(9, "陈强", DeliveryChannel.InHouse, Tomorrow, "天河", 0, [.. Enumerable.Range(1, 3).Select(i =>
            new RunManifest.Stop(60 + i, i, $"T{i:D8}", $"O{i:D8}", "14:00-18:00", null, $"林晓{i}", "138****8000", "广州市 天河区", [], 0m, CollectionMethod.None, false))]);

        var glyphs = EmbeddedFontGlyphCounts(await Print(renderer, manifest));

        // Chromium keeps a font's glyph numbers when it embeds it, so the system's Droid Sans Fallback would come
        // with tens of thousands of glyphs and DejaVu Sans with thousands.
        Assert.True(glyphs.Count >= 2, $"{glyphs.Count} TrueType fonts embedded");
        Assert.All(glyphs, count => Assert.InRange(count, 1, 500));
    }

    /// <summary>The glyph count of every TrueType font file embedded in the PDF.</summary>
    private static List<int> EmbeddedFontGlyphCounts(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var counts = new List<int>();
        foreach (Match stream in FontFileStreamPattern().Matches(text))
        {
            var end = text.IndexOf("endstream", stream.Index + stream.Length, StringComparison.Ordinal);
            using var inflated = new MemoryStream();
            using (var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(pdf, stream.Index + stream.Length, end - stream.Index - stream.Length), System.IO.Compression.CompressionMode.Decompress))
            {
                zlib.CopyTo(inflated);
            }

            counts.Add((TrueTypeFont.Read(inflated.ToArray()) ?? throw new Xunit.Sdk.XunitException("an embedded font is not TrueType")).GlyphCount);
        }

        return counts;
    }

    [GeneratedRegex(@"<<[^>]*?/Length1 \d+[^>]*?>>\s*stream\r?\n")]
    private static partial Regex FontFileStreamPattern();

    private static async Task<byte[]> Print(IDocumentRenderer renderer, RunManifest.Manifest manifest) =>
        await renderer.PrintPdfAsync(await renderer.RenderHtmlAsync<RunManifestDocument>("Run manifest", new Dictionary<string, object?>
        {
            [nameof(RunManifestDocument.Manifest)] = manifest,
            [nameof(RunManifestDocument.BaseUrl)] = "http://localhost",
        }));

    private static string DocumentId(string html) => DocumentIdPattern().Match(html).Groups[1].Value is { Length: > 0 } id ? id : throw new Xunit.Sdk.XunitException("no document id");

    [GeneratedRegex("data-document-id=\"([0-9A-F]+)\"")]
    private static partial Regex DocumentIdPattern();

    /// <summary>What a phone reads from the code: its cell of the page's QR image drawn 4 pixels a module and decoded by ZXing.</summary>
    private static string Decode(bool[,] sheet, int top, int size)
    {
        const int scale = 4;
        var pixels = new byte[size * size * scale * scale];
        for (var i = 0; i < pixels.Length; i++)
        {
            var (y, x) = (i / (size * scale) / scale, i % (size * scale) / scale);
            pixels[i] = sheet[top + y, x] ? (byte)0 : (byte)255;
        }

        var bitmap = new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(
            new ZXing.RGBLuminanceSource(pixels, size * scale, size * scale, ZXing.RGBLuminanceSource.BitmapFormat.Gray8)));
        return new ZXing.QrCode.QRCodeReader().decode(bitmap)?.Text ?? throw new Xunit.Sdk.XunitException("the QR code does not decode");
    }

    [GeneratedRegex("<image id=\"qr-codes\" [^>]*href=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"/>")]
    private static partial Regex QrSheetPattern();

    [GeneratedRegex("<div class=\"qr\"><svg class=\"qr-code\" viewBox=\"0 (\\d+) (\\d+) \\d+\" role=\"img\" aria-label=\"([^\"]*)\"><use href=\"#qr-codes\"/></svg></div>")]
    private static partial Regex QrPattern();
}
