using System.Buffers.Binary;
using static Reportc.Rendering.Docx.DocxXml;

using Reportc.Loading;

namespace Reportc.Rendering.Docx;

/// <summary>
/// An image of the narrative in the Word document: its bytes as a media part (<c>word/media/imageN.png</c>)
/// and a picture in line with the text, at its size in pixels (96 to the inch), made smaller to fit the 版心.
/// </summary>
internal sealed record DocxImage(int Number, byte[] Bytes, string Extension, string Type, int Width, int Height)
{
    // 96 pixels to the inch: 9525 EMU a pixel. The 版心 is 156 × 225 mm.
    private const long EmuPerPixel = 9525;
    private const long MaxWidth = 156 * 36000L;
    private const long MaxHeight = 200 * 36000L;

    public string RelationshipId => $"rIdImage{Number}";

    public string PartName => $"image{Number}.{Extension}";

    /// <summary>The image a data: URL carries (as NarrativeImages embeds one), or null.</summary>
    public static DocxImage? From(string? url, int number)
    {
        if (!NarrativeImages.IsEmbedded(url))
        {
            return null;
        }

        var comma = url!.IndexOf(";base64,", StringComparison.Ordinal);
        var type = url[5..comma];
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(url[(comma + 8)..]);
        }
        catch (FormatException)
        {
            return null;
        }

        var (width, height) = Size(bytes) ?? (300, 200);
        return new DocxImage(number, bytes, type[6..], type, Math.Max(1, width), Math.Max(1, height));
    }

    /// <summary>The run that shows the image in line with the text, its description <paramref name="label"/>.</summary>
    public string Drawing(string label)
    {
        var cx = Width * EmuPerPixel;
        var cy = Height * EmuPerPixel;
        if (cx > MaxWidth)
        {
            cy = cy * MaxWidth / cx;
            cx = MaxWidth;
        }

        if (cy > MaxHeight)
        {
            cx = cx * MaxHeight / cy;
            cy = MaxHeight;
        }

        var id = N(100 + Number);
        var name = Escape(label.Length > 0 ? label : $"图{Number}");
        return $"<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{N(cx)}\" cy=\"{N(cy)}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + $"<wp:docPr id=\"{id}\" name=\"{name}\" descr=\"{name}\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + $"<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{name}\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + $"<pic:blipFill><a:blip r:embed=\"{RelationshipId}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + $"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{N(cx)}\" cy=\"{N(cy)}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
            + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
    }

    /// <summary>Width and height in pixels from a PNG, GIF, JPEG or WebP header, or null.</summary>
    internal static (int, int)? Size(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
        {
            return (BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        }

        if (b.Length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F')
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
        }

        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return b.Slice(12, 4) switch
            {
                var c when c.SequenceEqual("VP8 "u8) => (BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF),
                var c when c.SequenceEqual("VP8L"u8) => ((int)(BinaryPrimitives.ReadUInt32LittleEndian(b[21..]) & 0x3FFF) + 1, (int)((BinaryPrimitives.ReadUInt32LittleEndian(b[21..]) >> 14) & 0x3FFF) + 1),
                var c when c.SequenceEqual("VP8X"u8) => ((b[24] | (b[25] << 8) | (b[26] << 16)) + 1, (b[27] | (b[28] << 8) | (b[29] << 16)) + 1),
                _ => null,
            };
        }

        // JPEG: the first start-of-frame segment (SOF0-SOF15 but DHT, JPG and DAC) holds the size.
        for (var i = 2; b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8 && i + 9 < b.Length;)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            }

            i += 2 + length;
        }

        return null;
    }
}
