using System.Globalization;
using System.Text;

namespace Reportc.Rendering.Docx;

/// <summary>Small pieces of WordprocessingML written as text: escaping, runs and paragraph properties.</summary>
internal static class DocxXml
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Text and attribute values escaped; characters XML cannot carry are left out.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if ((c >= 0x20 && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') || c is '\t' or '\n' or '\r')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A run of text with its run properties (may be empty); tabs become w:tab.</summary>
    public static string Run(string text, string rPr = "")
    {
        var props = rPr.Length > 0 ? $"<w:rPr>{rPr}</w:rPr>" : "";
        var sb = new StringBuilder("<w:r>").Append(props);
        var parts = text.Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                sb.Append("<w:tab/>");
            }

            if (parts[i].Length > 0)
            {
                sb.Append("<w:t xml:space=\"preserve\">").Append(Escape(parts[i])).Append("</w:t>");
            }
        }

        return sb.Append("</w:r>").ToString();
    }

    /// <summary>A paragraph of style <paramref name="style"/> with extra paragraph properties and its runs.</summary>
    public static string Paragraph(string style, string pPr, string runs) =>
        $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{pPr}</w:pPr>{runs}</w:p>";

    /// <summary>East Asian font (and Latin in Times New Roman) for a run or a style.</summary>
    public static string Fonts(string eastAsia, string latin = "Times New Roman") =>
        $"<w:rFonts w:ascii=\"{Escape(latin)}\" w:hAnsi=\"{Escape(latin)}\" w:eastAsia=\"{Escape(eastAsia)}\" w:cs=\"{Escape(latin)}\"/>";
}
