using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Portal.Infrastructure.Documents;

namespace Portal.Tests.Features.Documents;

public sealed class PrintFontsTests
{
    private const string Sample = "林晓明 广州市天河区体育西路 华为 ¥4000.00 Café Ångström ×—·";

    private static readonly DocumentOptions Options = new();

    private static TrueTypeFont SystemFont(string file) =>
        TrueTypeFont.Read(File.ReadAllBytes(Directory.EnumerateFiles(Options.FontDirectory, file, SearchOption.AllDirectories).First()))
        ?? throw new Xunit.Sdk.XunitException($"{file} is not read as TrueType");

    [Theory]
    [InlineData("DroidSansFallbackFull.ttf")]
    [InlineData("DejaVuSans.ttf")]
    [InlineData("DejaVuSans-Bold.ttf")]
    public void A_cut_font_keeps_the_outlines_and_widths_of_the_characters_it_was_cut_for_and_nothing_else(string file)
    {
        var system = SystemFont(file);
        var wanted = PrintFonts.CharactersOf(Sample).Where(system.Covers).ToList();

        var cut = TrueTypeFont.Read(system.Subset(wanted)!)!;

        Assert.NotEmpty(wanted);
        Assert.True(cut.GlyphCount < system.GlyphCount / 50, $"{cut.GlyphCount} glyphs for {wanted.Count} characters");
        Assert.All(wanted, c =>
        {
            Assert.True(cut.Covers(c), $"U+{c:X4} is not in the cut font");
            Assert.Equal(system.AdvanceOf(c), cut.AdvanceOf(c));
            Assert.Equal(system.OutlinesOf(c), cut.OutlinesOf(c));
        });
        Assert.False(cut.Covers('丁'));
    }

    [Fact]
    public void Accented_letters_built_from_other_glyphs_bring_those_glyphs_along()
    {
        var system = SystemFont("DejaVuSans.ttf");

        var cut = TrueTypeFont.Read(system.Subset(['é', 'Å'])!)!;

        Assert.True(system.OutlinesOf('é').Count() > 1, "é is not a composite glyph in this font");
        Assert.Equal(system.OutlinesOf('é'), cut.OutlinesOf('é'));
        Assert.Equal(system.OutlinesOf('Å'), cut.OutlinesOf('Å'));
    }

    [Fact]
    public void A_page_without_chinese_carries_no_chinese_font_and_a_font_lacking_every_character_is_not_cut()
    {
        var fonts = new PrintFonts(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<PrintFonts>.Instance);

        var rules = fonts.FaceRules("<html><body>Run manifest 12</body></html>");

        Assert.Contains("font-family: \"DejaVu Sans\"; font-weight: 400", rules);
        Assert.Contains("font-family: \"DejaVu Sans\"; font-weight: 700", rules);
        Assert.DoesNotContain("Droid Sans Fallback", rules);
        Assert.Null(SystemFont("DroidSansFallbackFull.ttf").Subset([0x1D11E])); // 𝄞, a musical symbol
    }

    [Fact]
    public void Characters_written_as_entities_are_in_the_cut()
    {
        var characters = PrintFonts.CharactersOf("<p title=\"x\">&#x6797;&amp;&lt;&#134071;</p>");

        Assert.Contains('林', characters);
        Assert.Contains('&', characters);
        Assert.Contains('<', characters);
        Assert.Contains(0x20BB7, characters); // 𠮷, outside the BMP
    }

    /// <summary>
    /// Chromium sanitizes web fonts and drops one it finds malformed, silently printing with another font: every cut
    /// face must load, and text must take the same room as with the system fonts.
    /// </summary>
    [Fact]
    public async Task Chromium_loads_every_cut_font_and_lays_text_out_as_with_the_system_fonts()
    {
        var fonts = new PrintFonts(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<PrintFonts>.Instance);
        var body = string.Join("", Sample.EnumerateRunes().Select(r => $"<span>{r}</span><b>{r}</b>"));
        var page = $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>
            body { font: 20px "DejaVu Sans", "Droid Sans Fallback", sans-serif; font-kerning: none; }
            </style>{STYLE}</head><body>{{body}}</body></html>
            """;
        const string Measure = """
            async () => {
              await document.fonts.ready;
              return JSON.stringify({
                faces: [...document.fonts].map(f => f.family + ' ' + f.weight + ' ' + f.status),
                widths: [...document.querySelectorAll('span, b')].map(e => e.getBoundingClientRect().width),
              });
            }
            """;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Options.ChromiumPath, Args = ["--no-sandbox", "--disable-gpu"] });
        var tab = await browser.NewPageAsync();
        await tab.SetContentAsync(page.Replace("{STYLE}", ""));
        var system = JsonDocument.Parse(await tab.EvaluateAsync<string>(Measure)).RootElement;
        await tab.SetContentAsync(page.Replace("{STYLE}", $"<style>{fonts.FaceRules(page)}</style>"));
        var cut = JsonDocument.Parse(await tab.EvaluateAsync<string>(Measure)).RootElement;

        Assert.Equal(
            ["DejaVu Sans 400 loaded", "DejaVu Sans 700 loaded", "Droid Sans Fallback 400 loaded"],
            cut.GetProperty("faces").EnumerateArray().Select(f => f.GetString()!.Replace("\"", "")));
        Assert.Equal(
            system.GetProperty("widths").EnumerateArray().Select(w => Math.Round(w.GetDouble(), 2)),
            cut.GetProperty("widths").EnumerateArray().Select(w => Math.Round(w.GetDouble(), 2)));
    }
}
