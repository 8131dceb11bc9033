using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Numerics;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// A TrueType font (glyf outlines) read once, from which small fonts holding only a document's characters are cut.
/// Chromium prints a PDF in a print-compositor process it starts for every document, which loads each system font the
/// page uses and walks its whole character map; a cut of a few hundred glyphs costs a fraction of the 49,000 glyphs
/// of Droid Sans Fallback (ADR 0018). Glyph outlines, metrics and hinting are copied unchanged; layout tables (kerning,
/// ligatures, vertical metrics) are left out.
/// </summary>
public sealed class TrueTypeFont
{
    private static readonly string[] CopiedTables = ["OS/2", "name", "cvt ", "fpgm", "prep", "gasp"];

    private readonly Dictionary<string, byte[]> _tables;
    private readonly FrozenDictionary<int, int> _glyphOf;
    private readonly uint[] _loca;
    private readonly int _metrics;

    private TrueTypeFont(Dictionary<string, byte[]> tables)
    {
        _tables = tables;
        var head = tables["head"];
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var glyphs = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].AsSpan(4));
        var loca = tables["loca"];
        _loca = new uint[glyphs + 1];
        for (var g = 0; g <= glyphs; g++)
        {
            _loca[g] = longOffsets
                ? BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(g * 4))
                : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(g * 2)) * 2u;
        }

        _metrics = BinaryPrimitives.ReadUInt16BigEndian(tables["hhea"].AsSpan(34));
        _glyphOf = ReadCharacterMap(tables["cmap"]).ToFrozenDictionary();
    }

    public int GlyphCount => _loca.Length - 1;

    /// <summary>Reads a .ttf file; null when it is not a TrueType font with glyf outlines and a Unicode map.</summary>
    public static TrueTypeFont? Read(byte[] file)
    {
        try
        {
            var data = file.AsSpan();
            if (BinaryPrimitives.ReadUInt32BigEndian(data) != 0x00010000)
            {
                return null; // CFF outlines (OTTO) or a collection: not cut here.
            }

            var count = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
            var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var record = data.Slice(12 + (i * 16), 16);
                var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
                tables[tag] = data.Slice(offset, length).ToArray();
            }

            string[] required = ["head", "hhea", "hmtx", "maxp", "loca", "glyf", "cmap", "post", "name", "OS/2"];
            return required.All(tables.ContainsKey) ? new TrueTypeFont(tables) : null;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException or KeyNotFoundException)
        {
            return null;
        }
    }

    public bool Covers(int codePoint) => _glyphOf.ContainsKey(codePoint);

    /// <summary>
    /// A complete TrueType font with the glyphs of those of <paramref name="codePoints"/> this font has (and the
    /// glyphs they are built from); null when it has none of them.
    /// </summary>
    public byte[]? Subset(IEnumerable<int> codePoints)
    {
        var mapped = new SortedDictionary<int, int>();
        foreach (var codePoint in codePoints)
        {
            if (_glyphOf.TryGetValue(codePoint, out var glyph))
            {
                mapped[codePoint] = glyph;
            }
        }

        if (mapped.Count == 0)
        {
            return null;
        }

        var kept = new SortedSet<int> { 0 }; // .notdef, drawn for a character no font has
        foreach (var glyph in mapped.Values)
        {
            KeepWithComponents(glyph, kept);
        }

        var newId = new Dictionary<int, int>(kept.Count);
        foreach (var glyph in kept)
        {
            newId[glyph] = newId.Count;
        }

        var (glyf, loca) = CutGlyphs(kept, newId);
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = CharacterMap(mapped, newId),
            ["glyf"] = glyf,
            ["loca"] = loca,
            ["hmtx"] = Metrics(kept),
            ["hhea"] = WithUInt16(_tables["hhea"], 34, kept.Count),
            ["maxp"] = WithUInt16(_tables["maxp"], 4, kept.Count),
            ["head"] = WithUInt16(WithUInt32(_tables["head"], 8, 0), 50, 1),
            ["post"] = WithUInt32(_tables["post"].AsSpan(0, 32).ToArray(), 0, 0x00030000),
        };
        foreach (var tag in CopiedTables)
        {
            if (_tables.TryGetValue(tag, out var table))
            {
                tables[tag] = table;
            }
        }

        return Assemble(tables);
    }

    /// <summary>The advance width of a character's glyph, in font units.</summary>
    internal int AdvanceOf(int codePoint)
    {
        var glyph = _glyphOf[codePoint];
        return BinaryPrimitives.ReadUInt16BigEndian(_tables["hmtx"].AsSpan(Math.Min(glyph, _metrics - 1) * 4));
    }

    /// <summary>
    /// A character's outline and, depth first, those of the glyphs it is built from, glyph numbers blanked and each
    /// padded to four bytes as a cut font stores them.
    /// </summary>
    internal IEnumerable<byte[]> OutlinesOf(int codePoint)
    {
        var pending = new Stack<int>([_glyphOf[codePoint]]);
        while (pending.TryPop(out var glyph))
        {
            var stored = Outline(glyph);
            var outline = new byte[(stored.Length + 3) & ~3];
            stored.CopyTo(outline);
            if (stored.Length >= 10 && BinaryPrimitives.ReadInt16BigEndian(outline) < 0)
            {
                foreach (var (offset, component) in Components(outline).AsEnumerable().Reverse())
                {
                    pending.Push(component);
                    BinaryPrimitives.WriteUInt16BigEndian(outline.AsSpan(offset), 0);
                }
            }

            yield return outline;
        }
    }

    private void KeepWithComponents(int glyph, SortedSet<int> kept)
    {
        if (!kept.Add(glyph))
        {
            return;
        }

        var outline = Outline(glyph);
        if (outline.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(outline) >= 0)
        {
            return;
        }

        foreach (var (_, component) in Components(outline))
        {
            KeepWithComponents(component, kept);
        }
    }

    private ReadOnlySpan<byte> Outline(int glyph) =>
        _tables["glyf"].AsSpan((int)_loca[glyph], (int)(_loca[glyph + 1] - _loca[glyph]));

    /// <summary>Where each component's glyph index sits in a composite glyph, and the glyph it names.</summary>
    private static List<(int Offset, int Glyph)> Components(ReadOnlySpan<byte> outline)
    {
        var components = new List<(int, int)>();
        var at = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(outline[at..]);
            components.Add((at + 2, BinaryPrimitives.ReadUInt16BigEndian(outline[(at + 2)..])));
            at += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            at += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
        }
        while ((flags & 0x0020) != 0);
        return components;
    }

    private (byte[] Glyf, byte[] Loca) CutGlyphs(SortedSet<int> kept, Dictionary<int, int> newId)
    {
        using var glyf = new MemoryStream();
        var loca = new byte[(kept.Count + 1) * 4];
        var index = 0;
        foreach (var glyph in kept)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(index++ * 4), (uint)glyf.Length);
            var outline = Outline(glyph).ToArray();
            if (outline.Length >= 10 && BinaryPrimitives.ReadInt16BigEndian(outline) < 0)
            {
                foreach (var (offset, component) in Components(outline))
                {
                    BinaryPrimitives.WriteUInt16BigEndian(outline.AsSpan(offset), (ushort)newId[component]);
                }
            }

            glyf.Write(outline);
            glyf.Write(new byte[(4 - (outline.Length % 4)) % 4]);
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(index * 4), (uint)glyf.Length);
        return (glyf.ToArray(), loca);
    }

    private byte[] Metrics(SortedSet<int> kept)
    {
        var hmtx = _tables["hmtx"].AsSpan();
        var metrics = new byte[kept.Count * 4];
        var index = 0;
        foreach (var glyph in kept)
        {
            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(Math.Min(glyph, _metrics - 1) * 4)..]);
            var bearing = glyph < _metrics
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx[((glyph * 4) + 2)..])
                : BinaryPrimitives.ReadInt16BigEndian(hmtx[((_metrics * 4) + ((glyph - _metrics) * 2))..]);
            BinaryPrimitives.WriteUInt16BigEndian(metrics.AsSpan(index * 4), advance);
            BinaryPrimitives.WriteInt16BigEndian(metrics.AsSpan((index * 4) + 2), bearing);
            index++;
        }

        return metrics;
    }

    /// <summary>A Windows Unicode BMP map (format 4) and a full-repertoire map (format 12), one entry per character.</summary>
    private static byte[] CharacterMap(SortedDictionary<int, int> mapped, Dictionary<int, int> newId)
    {
        var bmp = mapped.Where(m => m.Key <= 0xFFFE).ToList();
        var segments = bmp.Count + 1;
        var format4 = new byte[16 + (segments * 8)];
        var searchRange = 2 << BitOperations.Log2((uint)segments);
        WriteUInt16s(format4, 0, 4, format4.Length, 0, segments * 2, searchRange, (int)Math.Log2(searchRange / 2), (segments * 2) - searchRange);
        for (var i = 0; i < segments; i++)
        {
            var (code, glyph) = i < bmp.Count ? (bmp[i].Key, newId[bmp[i].Value]) : (0xFFFF, 0);
            var delta = i < bmp.Count ? (glyph - code) & 0xFFFF : 1;
            WriteUInt16s(format4, 14 + (i * 2), code);                          // endCode
            WriteUInt16s(format4, 16 + (segments * 2) + (i * 2), code);         // startCode
            WriteUInt16s(format4, 16 + (segments * 4) + (i * 2), delta);        // idDelta
            WriteUInt16s(format4, 16 + (segments * 6) + (i * 2), 0);            // idRangeOffset
        }

        var format12 = new byte[16 + (mapped.Count * 12)];
        WriteUInt16s(format12, 0, 12, 0);
        BinaryPrimitives.WriteUInt32BigEndian(format12.AsSpan(4), (uint)format12.Length);
        BinaryPrimitives.WriteUInt32BigEndian(format12.AsSpan(12), (uint)mapped.Count);
        var at = 16;
        foreach (var (code, glyph) in mapped)
        {
            BinaryPrimitives.WriteUInt32BigEndian(format12.AsSpan(at), (uint)code);
            BinaryPrimitives.WriteUInt32BigEndian(format12.AsSpan(at + 4), (uint)code);
            BinaryPrimitives.WriteUInt32BigEndian(format12.AsSpan(at + 8), (uint)newId[glyph]);
            at += 12;
        }

        var cmap = new byte[20 + format4.Length + format12.Length];
        WriteUInt16s(cmap, 0, 0, 2, 3, 1);
        BinaryPrimitives.WriteUInt32BigEndian(cmap.AsSpan(8), 20);
        WriteUInt16s(cmap, 12, 3, 10);
        BinaryPrimitives.WriteUInt32BigEndian(cmap.AsSpan(16), (uint)(20 + format4.Length));
        format4.CopyTo(cmap, 20);
        format12.CopyTo(cmap, 20 + format4.Length);
        return cmap;
    }

    /// <summary>Unicode to glyph from the font's Windows map: the full repertoire (3,10) if it has one, else the BMP (3,1).</summary>
    private static Dictionary<int, int> ReadCharacterMap(byte[] cmap)
    {
        var span = cmap.AsSpan();
        var count = BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
        int? bmp = null, full = null;
        for (var i = 0; i < count; i++)
        {
            var record = span[(4 + (i * 8))..];
            var (platform, encoding) = (BinaryPrimitives.ReadUInt16BigEndian(record), BinaryPrimitives.ReadUInt16BigEndian(record[2..]));
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(span[offset..]);
            if (platform == 3 && encoding == 10 && format == 12)
            {
                full = offset;
            }
            else if (platform == 3 && encoding == 1 && format == 4)
            {
                bmp = offset;
            }
        }

        var map = new Dictionary<int, int>();
        if (full is { } f)
        {
            var groups = BinaryPrimitives.ReadUInt32BigEndian(span[(f + 12)..]);
            for (var g = 0; g < groups; g++)
            {
                var group = span[(f + 16 + (g * 12))..];
                var (start, end, glyph) = (BinaryPrimitives.ReadUInt32BigEndian(group), BinaryPrimitives.ReadUInt32BigEndian(group[4..]), BinaryPrimitives.ReadUInt32BigEndian(group[8..]));
                for (var code = start; code <= end; code++)
                {
                    map[(int)code] = (int)(glyph + (code - start));
                }
            }
        }
        else if (bmp is { } b)
        {
            var segments = BinaryPrimitives.ReadUInt16BigEndian(span[(b + 6)..]) / 2;
            for (var s = 0; s < segments; s++)
            {
                var end = BinaryPrimitives.ReadUInt16BigEndian(span[(b + 14 + (s * 2))..]);
                var start = BinaryPrimitives.ReadUInt16BigEndian(span[(b + 16 + (segments * 2) + (s * 2))..]);
                var delta = BinaryPrimitives.ReadInt16BigEndian(span[(b + 16 + (segments * 4) + (s * 2))..]);
                var rangeAt = b + 16 + (segments * 6) + (s * 2);
                var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(span[rangeAt..]);
                for (var code = start; code <= end && code != 0xFFFF; code++)
                {
                    var glyph = rangeOffset == 0
                        ? (code + delta) & 0xFFFF
                        : BinaryPrimitives.ReadUInt16BigEndian(span[(rangeAt + rangeOffset + ((code - start) * 2))..]) is var g and not 0 ? (g + delta) & 0xFFFF : 0;
                    if (glyph != 0)
                    {
                        map[code] = glyph;
                    }
                }
            }
        }

        return map;
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var searchRange = 16 << BitOperations.Log2((uint)count);
        var size = 12 + (16 * count) + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(font, 0x00010000);
        WriteUInt16s(font, 4, count, searchRange, (int)Math.Log2(searchRange / 16), (count * 16) - searchRange);
        var at = 12 + (16 * count);
        var record = 12;
        var headAt = 0;
        foreach (var (tag, table) in tables)
        {
            System.Text.Encoding.ASCII.GetBytes(tag, font.AsSpan(record));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 4), Checksum(table));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 8), (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 12), (uint)table.Length);
            table.CopyTo(font, at);
            headAt = tag == "head" ? at : headAt;
            at += (table.Length + 3) & ~3;
            record += 16;
        }

        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headAt + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var k = 0; k < 4; k++)
            {
                word = (word << 8) | (i + k < data.Length ? data[i + k] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }

    private static byte[] WithUInt16(byte[] table, int offset, int value)
    {
        var copy = (byte[])table.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(offset), (ushort)value);
        return copy;
    }

    private static byte[] WithUInt32(byte[] table, int offset, uint value)
    {
        var copy = (byte[])table.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static void WriteUInt16s(byte[] target, int offset, params ReadOnlySpan<int> values)
    {
        foreach (var value in values)
        {
            BinaryPrimitives.WriteUInt16BigEndian(target.AsSpan(offset), (ushort)value);
            offset += 2;
        }
    }
}
