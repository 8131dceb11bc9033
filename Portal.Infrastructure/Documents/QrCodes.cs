using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// A document's QR codes drawn from one image: every code one cell of a single 1-bit PNG (one pixel per module),
/// defined once in the page, and each place that shows a code an SVG that looks at its cell. Chromium then writes one
/// image into the PDF instead of one per code, and the page carries one image instead of fifty (ADR 0018). Pixels
/// stay square at any size (<c>image-rendering: pixelated</c>, and unsmoothed in the PDF); the caller sizes each code
/// with CSS.
/// </summary>
public sealed class QrCodes
{
    private readonly string[] _labels;
    private readonly int _cell;
    private readonly string _png;
    private readonly string _id;

    /// <param name="id">The image's id in the page, unique within it.</param>
    public QrCodes(IReadOnlyList<string> texts, IReadOnlyList<string> labels, string id = "qr-codes")
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(labels.Count, texts.Count);
        var codes = texts.Select(Modules).ToArray();
        _labels = [.. labels];
        _cell = codes.Length == 0 ? 0 : codes.Max(c => c.GetLength(0));
        _png = codes.Length == 0 ? "" : Convert.ToBase64String(Png(codes, _cell));
        _id = id;
    }

    /// <summary>The image every code is drawn from: put once in the page, before or after the codes.</summary>
    public MarkupString Definitions => _png.Length == 0
        ? default
        : new MarkupString(string.Create(CultureInfo.InvariantCulture,
            $"""<svg width="0" height="0" style="position: absolute" aria-hidden="true"><defs><image id="{_id}" width="{_cell}" height="{_cell * _labels.Length}" style="image-rendering: pixelated" href="data:image/png;base64,{_png}"/></defs></svg>"""));

    /// <summary>Code number <paramref name="index"/>, as an image with its label for screen readers.</summary>
    public MarkupString Code(int index) => new(string.Create(CultureInfo.InvariantCulture,
        $"""<svg class="qr-code" viewBox="0 {index * _cell} {_cell} {_cell}" role="img" aria-label="{WebUtility.HtmlEncode(_labels[index])}"><use href="#{_id}"/></svg>"""));

    /// <summary>Dark modules, the quiet zone QR readers need around the code included.</summary>
    private static bool[,] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var size = code.ModuleMatrix.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = code.ModuleMatrix[y][x];
            }
        }

        return modules;
    }

    /// <summary>
    /// A 1-bit grayscale PNG, cells stacked top to bottom; a code smaller than the cell (a shorter text) sits in its
    /// middle with a wider quiet zone.
    /// </summary>
    private static byte[] Png(bool[][,] codes, int cell)
    {
        var stride = 1 + ((cell + 7) / 8);
        var rows = new byte[stride * cell * codes.Length];
        Array.Fill(rows, (byte)0xFF);
        for (var c = 0; c < codes.Length; c++)
        {
            var size = codes[c].GetLength(0);
            var inset = (cell - size) / 2;
            for (var y = 0; y < cell; y++)
            {
                rows[((c * cell) + y) * stride] = 0; // filter: none
            }

            for (var y = 0; y < size; y++)
            {
                var row = ((c * cell) + inset + y) * stride;
                for (var x = 0; x < size; x++)
                {
                    if (codes[c][y, x])
                    {
                        rows[row + 1 + ((inset + x) / 8)] &= (byte)~(0x80 >> ((inset + x) % 8));
                    }
                }
            }
        }

        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rows);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)cell);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)(cell * codes.Length));
        header[8] = 1; // bit depth; colour type 0 (grayscale), deflate, adaptive filtering, no interlace
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        png.Write(word);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
