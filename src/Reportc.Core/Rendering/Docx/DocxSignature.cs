using System.Text;
using Reportc.Model;
using Reportc.Text;
using static Reportc.Rendering.Docx.DocxLayout;
using static Reportc.Rendering.Docx.DocxXml;

namespace Reportc.Rendering.Docx;

/// <summary>
/// 署名 and 成文日期 as the PDF places them (GB/T 9704 7.3.5): without a seal the name two characters from the
/// right and the date two characters right of the name's start; with a seal the date four characters from the
/// right and the names centred over it, the seal's image (if any) over both, a little above their middle.
/// </summary>
internal static class DocxSignature
{
    /// <summary>42 mm, the seal's printed width.</summary>
    private const long SealSize = 42 * 36000L;

    public static string Render(DocumentInfo doc, string date, bool hasImage, (int Width, int Height)? imageSize)
    {
        var sb = new StringBuilder();
        var issuerWidth = doc.Issuers.Max(Width);
        var dateWidth = Width(date);
        if (!doc.Seal)
        {
            var block = Math.Max(issuerWidth, dateWidth + 2);
            var left = 26 - block;
            for (var i = 0; i < doc.Issuers.Count; i++)
            {
                sb.Append(Paragraph("Signature", Spacing(i == 0 ? Line : 0) + Indent(left, 0), Run(doc.Issuers[i])));
            }

            sb.Append(Paragraph("SignatureDate", Indent(left + 2, 0), Run(date)));
            return sb.ToString();
        }

        var sealedBlock = Math.Max(issuerWidth, dateWidth);
        var sealedLeft = 24 - sealedBlock;
        for (var i = 0; i < doc.Issuers.Count; i++)
        {
            var image = i == 0 && hasImage ? Seal(sealedLeft, sealedBlock, doc.Issuers.Count + 1, imageSize) : "";
            sb.Append(Paragraph("Signature", Spacing(i == 0 ? 2 * Line : 0) + Indent(sealedLeft, 4) + "<w:jc w:val=\"center\"/>", image + Run(doc.Issuers[i])));
        }

        sb.Append(Paragraph("SignatureDate", Indent(sealedLeft, 4) + "<w:jc w:val=\"center\"/>", Run(date)));
        return sb.ToString();
    }

    /// <summary>Width in characters: a Chinese character is one, a digit or Latin letter half.</summary>
    public static double Width(string text) => text.Sum(c => CjkText.IsWide(c) ? 1.0 : 0.5);

    private static string Spacing(int before) => before > 0 ? $"<w:spacing w:before=\"{before}\"/>" : "";

    private static string Indent(double left, int right) =>
        $"<w:ind w:left=\"{N((int)Math.Round(left * CharPitch))}\" w:right=\"{N(right * CharPitch)}\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>";

    // The seal: 42 mm wide, centred on the signature block, its centre 8 % of its height under the block's middle
    // (as the PDF's translate(-50%, -58%)); behind the text, so the names stay legible.
    private static string Seal(double left, double block, int lines, (int Width, int Height)? size)
    {
        var cx = SealSize;
        var cy = size is { Width: > 0, Height: > 0 } s ? SealSize * s.Height / s.Width : SealSize;
        if (cy > SealSize)
        {
            cx = SealSize * SealSize / cy;
            cy = SealSize;
        }

        var centreX = Emu((int)Math.Round((left + (block / 2)) * CharPitch));
        var centreY = Emu(lines * Line / 2) - (long)(cy * 0.08);
        var x = centreX - (cx / 2);
        var y = centreY - (cy / 2);
        return "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"1\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
            + "<wp:simplePos x=\"0\" y=\"0\"/>"
            + $"<wp:positionH relativeFrom=\"margin\"><wp:posOffset>{N(x)}</wp:posOffset></wp:positionH>"
            + $"<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>{N(y)}</wp:posOffset></wp:positionV>"
            + $"<wp:extent cx=\"{N(cx)}\" cy=\"{N(cy)}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>"
            + "<wp:docPr id=\"1\" name=\"印章\" descr=\"印章\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"印章\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rId6\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + $"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{N(cx)}\" cy=\"{N(cy)}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
            + "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>";
    }
}
