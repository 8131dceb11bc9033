using System.Buffers.Binary;
using System.IO.Compression;

namespace Portal.Tests.Features.Documents;

/// <summary>Reads the QR codes' PNG: 1-bit grayscale, one pixel per module, rows unfiltered.</summary>
internal static class QrPng
{
    public static bool[,] Read(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        int width = 0, height = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = ((int)BinaryPrimitives.ReadUInt32BigEndian(data), (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                Assert.Equal([1, 0], data[8..10].ToArray()); // bit depth 1, grayscale
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var rows = inflated.ToArray();
        var stride = 1 + ((width + 7) / 8);
        Assert.Equal(stride * height, rows.Length);
        var dark = new bool[height, width];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * stride]); // no filter
            for (var x = 0; x < width; x++)
            {
                dark[y, x] = (rows[(y * stride) + 1 + (x / 8)] & (0x80 >> (x % 8))) == 0;
            }
        }

        return dark;
    }
}
