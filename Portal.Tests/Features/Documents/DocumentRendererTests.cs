using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Documents;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Documents;

namespace Portal.Tests.Features.Documents;

public sealed class DocumentRendererTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private IDocumentRenderer Renderer => fixture.Host.Services.GetRequiredService<IDocumentRenderer>();

    private Task<RenderedDocument> Manifest(string courier) =>
        Renderer.RenderHtmlAsync<RunManifestDocument>("Run manifest", new Dictionary<string, object?>
        {
            [nameof(RunManifestDocument.Manifest)] = new RunManifest.Manifest(1, courier, DeliveryChannel.InHouse, new DateOnly(2026, 12, 2), "天河", 0, []),
            [nameof(RunManifestDocument.BaseUrl)] = "http://localhost",
        });

    [Fact]
    public async Task The_browser_reports_started_once_warm_and_a_killed_browser_is_started_again_by_the_next_print()
    {
        await Renderer.WarmUpAsync();
        Assert.True(Renderer.BrowserStarted);
        var browsers = ChromiumStartedByThisProcess();
        Assert.NotEmpty(browsers);

        foreach (var browser in browsers)
        {
            browser.Kill(entireProcessTree: true);
            await browser.WaitForExitAsync();
        }

        var text = PdfText.Of(await Renderer.PrintPdfAsync(await Manifest("陈强")));

        Assert.Contains("陈强", text.All);
        Assert.True(Renderer.BrowserStarted);
    }

    [Fact]
    public async Task The_same_content_keeps_its_id_and_names_are_escaped()
    {
        var first = await Manifest("<script>alert(1)</script>");
        var again = await Manifest("<script>alert(1)</script>");
        var other = await Manifest("黄磊");

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.DoesNotContain("<script>", first.Html);
        Assert.Contains("&lt;script&gt;", first.Html);
    }

    [Fact]
    public async Task The_same_page_asked_for_again_or_at_once_is_printed_once_and_a_changed_page_is_printed_anew()
    {
        var renderer = fixture.Host.Services.GetRequiredService<ChromiumDocumentRenderer>();
        var courier = $"黄磊 {Guid.NewGuid():N}";
        var page = await Manifest(courier);
        var printed = renderer.Printed;

        var atOnce = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => renderer.PrintPdfAsync(page)));
        var again = await renderer.PrintPdfAsync(await Manifest(courier)); // rendered anew, the same page

        Assert.Equal(printed + 1, renderer.Printed);
        Assert.All(atOnce, pdf => Assert.Same(atOnce[0], pdf));
        Assert.Same(atOnce[0], again);

        var changed = await renderer.PrintPdfAsync(await Manifest("黄磊 另一位"));

        Assert.Equal(printed + 2, renderer.Printed);
        Assert.Contains("黄磊 另一位", PdfText.Of(changed).All);
        Assert.DoesNotContain("另一位", PdfText.Of(again).All);
    }

    /// <summary>The browser main processes whose parent is a Playwright driver this test process started.</summary>
    private static List<Process> ChromiumStartedByThisProcess()
    {
        var parents = Directory.GetDirectories("/proc").Select(d => Path.GetFileName(d)).Where(p => p.All(char.IsAsciiDigit))
            .Select(p => (Pid: int.Parse(p), Parent: ParentOf(int.Parse(p))))
            .ToDictionary(p => p.Pid, p => p.Parent);
        var drivers = parents.Where(p => p.Value == Environment.ProcessId).Select(p => p.Key).ToHashSet();
        return [.. parents.Where(p => drivers.Contains(p.Value) && NameOf(p.Key).Contains("chrom", StringComparison.Ordinal)).Select(p => Process.GetProcessById(p.Key))];
    }

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    private static string NameOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return "";
        }
    }
}
