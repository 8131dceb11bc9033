using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace Portal.Infrastructure.Documents;

public static class QrCodes
{
    /// <summary>
    /// A QR code as inline SVG: each row's runs of dark modules as one-module-wide strokes of one path, printed as
    /// vectors, sharp at any size; the caller sizes it with CSS. A stroke is a move and a line where a filled run is a
    /// five-point outline: half the path for Chromium to lay out and write into the PDF (ADR 0017).
    /// </summary>
    public static MarkupString Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = code.ModuleMatrix;
        var size = modules.Count;
        var path = new StringBuilder(size * size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!modules[y][x])
                {
                    continue;
                }

                var start = x;
                while (x + 1 < size && modules[y][x + 1])
                {
                    x++;
                }

                // Through the middle of row y, so the stroke covers y to y + 1.
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}.5h{x - start + 1}");
            }
        }

        // The module matrix already includes the quiet zone QR readers need around the code.
        return new MarkupString(
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" role="img" aria-label="{WebUtility.HtmlEncode(label)}"><path fill="none" stroke="#000" stroke-width="1" d="{path}"/></svg>""");
    }
}
