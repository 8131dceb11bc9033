using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// The print page's fonts cut down to one document's characters and given to Chromium as web fonts under the same
/// family names, so the PDF is laid out and looks as with the system fonts but Chromium's print process loads a few
/// hundred glyphs instead of whole fonts (ADR 0018). A font file that is missing or not TrueType is left to the
/// system, as are characters none of these fonts has (they fall through to the rest of the page's font list).
/// </summary>
public sealed class PrintFonts
{
    /// <summary>The faces of <see cref="PrintPage"/>'s font list, as Debian installs them.</summary>
    private static readonly (string Family, int Weight, string File)[] Faces =
    [
        ("DejaVu Sans", 400, "DejaVuSans.ttf"),
        ("DejaVu Sans", 700, "DejaVuSans-Bold.ttf"),
        ("Droid Sans Fallback", 400, "DroidSansFallbackFull.ttf"),
    ];

    private readonly List<(string Family, int Weight, TrueTypeFont Font)> _fonts = [];

    public PrintFonts(IOptions<DocumentOptions> options, ILogger<PrintFonts> log)
    {
        var fontDirectory = options.Value.FontDirectory;
        var files = Directory.Exists(fontDirectory)
            ? Directory.EnumerateFiles(fontDirectory, "*.ttf", SearchOption.AllDirectories).ToLookup(f => Path.GetFileName(f), StringComparer.Ordinal)
            : Enumerable.Empty<string>().ToLookup(f => f, StringComparer.Ordinal);
        foreach (var (family, weight, file) in Faces)
        {
            var path = files[file].FirstOrDefault();
            var font = path is null ? null : TrueTypeFont.Read(File.ReadAllBytes(path));
            if (font is null)
            {
                log.LogWarning("Font {File} not found or not TrueType; documents print with the system's {Family}", file, family);
                continue;
            }

            _fonts.Add((family, weight, font));
        }
    }

    /// <summary>@font-face rules with each face cut to the characters of <paramref name="html"/>; empty without fonts.</summary>
    public string FaceRules(string html)
    {
        if (_fonts.Count == 0)
        {
            return "";
        }

        var characters = CharactersOf(html);
        var rules = new StringBuilder();
        foreach (var family in _fonts.GroupBy(f => f.Family))
        {
            foreach (var (_, weight, font) in family)
            {
                if (font.Subset(characters) is { } subset)
                {
                    rules.Append("@font-face { font-family: \"").Append(family.Key).Append("\"; font-weight: ").Append(weight)
                        .Append("; src: url(data:font/ttf;base64,").Append(Convert.ToBase64String(subset)).Append(") format(\"truetype\"); }\n");
                }
            }

            // A character every face of a family draws never reaches the next family.
            characters.RemoveWhere(c => family.All(f => f.Font.Covers(c)));
        }

        return rules.ToString();
    }

    /// <summary>Every character of the page, markup and entities decoded, and the digits page numbers are drawn with.</summary>
    internal static HashSet<int> CharactersOf(string html)
    {
        var characters = new HashSet<int>("0123456789 /".Select(c => (int)c));
        foreach (var rune in WebUtility.HtmlDecode(html).EnumerateRunes())
        {
            characters.Add(rune.Value);
        }

        return characters;
    }
}
