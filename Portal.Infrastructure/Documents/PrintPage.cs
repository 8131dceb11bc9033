using System.Net;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// The page every document is printed on: A4, fonts Chromium embeds in the PDF, and the footer with the
/// document id and page x/y drawn in the page margin (CSS page-margin boxes, so the browser's own print dialog
/// shows the same footer as the PDF).
/// </summary>
internal static class PrintPage
{
    /// <summary>
    /// Latin from DejaVu Sans, Chinese from Droid Sans Fallback (a 4 MB TrueType font): Chromium builds each
    /// embedded font's subset and text map per PDF, which costs far less for these than for the 19 MB Noto Sans CJK
    /// collection, and their text maps give 广 back as 广 (Noto's gives the look-alike radical ⼴). Noto Sans CJK SC
    /// stays last for the rare characters Droid lacks (CJK extension B), so such a name still prints. See ADR 0008.
    /// The print tab gets the first two cut to the page's characters (<see cref="PrintFonts"/>, ADR 0018).
    /// </summary>
    private const string Fonts = "\"DejaVu Sans\", \"Droid Sans Fallback\", \"Noto Sans CJK SC\", sans-serif";

    public static string Wrap(string title, string id, string lang, string body, string pageLabel) => $$"""
        <!DOCTYPE html>
        <html lang="{{WebUtility.HtmlEncode(lang)}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>
        @page {
          size: A4;
          margin: 14mm 12mm 16mm 12mm;
          @bottom-left { content: "{{CssString(title)}} · {{id}}"; font: 8pt {{Fonts}}; color: #555; }
          @bottom-right { content: "{{CssString(pageLabel)}} " counter(page) " / " counter(pages); font: 8pt {{Fonts}}; color: #555; }
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: {{Fonts}}; font-size: 9.5pt; color: #111; margin: 0 1px; } /* a full-width box's right border clipped by the A4 content box's rounding otherwise */
        h1 { font-size: 15pt; margin: 0 0 4px; }
        h2 { font-size: 11pt; margin: 10px 0 4px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #999; padding: 3px 4px; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .doc-meta { display: flex; flex-wrap: wrap; gap: 4px 18px; margin-bottom: 8px; }
        .keep { break-inside: avoid; page-break-inside: avoid; }
        .doc-id { font-size: 8pt; color: #555; }
        @media screen { body { max-width: 210mm; margin: 12px auto; padding: 0 8px; } }
        </style>
        </head>
        <body data-document-id="{{id}}">
        {{body}}
        <p class="doc-id">{{WebUtility.HtmlEncode(title)}} · {{id}}</p>
        </body>
        </html>
        """;

    /// <summary>Text placed inside a CSS string: quotes, backslashes and line breaks escaped.</summary>
    private static string CssString(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' or '>' or '\n' or '\r')
            {
                builder.Append('\\').Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
