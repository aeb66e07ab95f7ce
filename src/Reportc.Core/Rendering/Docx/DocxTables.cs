using System.Text;
using Reportc.Kinds;
using Reportc.Model;
using static Reportc.Rendering.Docx.DocxLayout;
using static Reportc.Rendering.Docx.DocxXml;

namespace Reportc.Rendering.Docx;

/// <summary>
/// A kind's table as a Word table with the official headers: column groups span their columns (gridSpan),
/// a label whose path ends early reaches down (vMerge); the header rows repeat on every page (tblHeader)
/// and no row is split across pages (cantSplit).
/// </summary>
internal static class DocxTables
{

    public static string Render(TableData table)
    {
        var d = table.Definition;
        var blocks = d.Rows.Any(r => r.Columns is not null);
        var width = blocks ? d.Rows.Where(r => !r.IsGroup).Max(r => d.ColumnsOf(r).Count) + 1 : d.Columns.Count + 1;
        var first = blocks ? TextWidth / width : (int)(TextWidth * 0.22);
        var other = (TextWidth - first) / (width - 1);
        var widths = Enumerable.Range(0, width).Select(i => i == 0 ? first : other).ToArray();
        widths[^1] += TextWidth - widths.Sum();

        var sb = new StringBuilder("<w:tbl><w:tblPr>")
            .Append($"<w:tblW w:w=\"{TextWidth}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>")
            .Append("<w:tblBorders>").Append(string.Concat(new[] { "top", "left", "bottom", "right", "insideH", "insideV" }.Select(s => $"<w:{s} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"))).Append("</w:tblBorders>")
            .Append("<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>")
            .Append(string.Concat(widths.Select(w => $"<w:gridCol w:w=\"{w}\"/>"))).Append("</w:tblGrid>");

        if (blocks)
        {
            for (var i = 0; i < d.Rows.Count; i++)
            {
                var row = d.Rows[i];
                if (row.IsGroup)
                {
                    // A block's caption and its column header, kept with the block's first row.
                    sb.Append(Row([(row.Label, width, true, false)], widths, header: false, keep: true));
                    var next = d.Rows.Skip(i + 1).FirstOrDefault(r => !r.IsGroup);
                    if (next is not null)
                    {
                        var labels = d.ColumnsOf(next).Select(c => (c.Label, 1, false, false)).ToList();
                        sb.Append(Row([("信息内容", 1, false, false), .. labels, .. Pad(width - 1 - labels.Count)], widths, header: false, keep: true, small: true));
                    }

                    continue;
                }

                var columns = d.ColumnsOf(row);
                sb.Append(Row([(row.Label, 1, false, false), .. columns.Select(c => (TableRenderer.Value(table, row.Id!, c.Id), 1, false, true)), .. Pad(width - 1 - columns.Count)], widths, header: false, keep: false));
            }

            return sb.Append("</w:tbl>").ToString();
        }

        // The header cells as the HTML has them (TableDefinition.HeaderCells), the corner as column 0.
        var (depth, header) = d.HeaderCells();
        var cells = new List<HeaderCell> { new(0, 0, 1, depth, d.Corner ?? "") };
        cells.AddRange(header);

        for (var r = 0; r < depth; r++)
        {
            var row = new StringBuilder();
            for (var c = 0; c < width;)
            {
                var start = cells.FirstOrDefault(x => x.Row == r && x.Column == c);
                var above = cells.FirstOrDefault(x => x.Column == c && x.Row < r && x.Row + x.Rows > r);
                var cell = start ?? above;
                if (cell is null)
                {
                    row.Append(Tc(widths[c], 1, "", "", false, false, true));
                    c++;
                    continue;
                }

                var merge = cell.Rows > 1 ? (start is not null ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>") : "";
                row.Append(Tc(widths.Skip(c).Take(cell.Span).Sum(), cell.Span, merge, start is not null ? cell.Text : "", false, false, true));
                c += cell.Span;
            }

            sb.Append($"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{row}</w:tr>");
        }

        foreach (var row in d.Rows)
        {
            sb.Append(row.IsGroup
                ? Row([(row.Label, width, true, false)], widths, header: false, keep: true)
                : Row([(row.Label, 1, false, false), .. d.Columns.Select(c => (TableRenderer.Value(table, row.Id!, c.Id), 1, false, true))], widths, header: false, keep: false));
        }

        return sb.Append("</w:tbl>").ToString();
    }

    private static IEnumerable<(string, int, bool, bool)> Pad(int count) => Enumerable.Repeat(("", 1, false, false), Math.Max(0, count));

    private static string Row(IReadOnlyList<(string Text, int Span, bool Bold, bool Number)> cells, int[] widths, bool header, bool keep, bool small = false)
    {
        var sb = new StringBuilder("<w:tr><w:trPr><w:cantSplit/>").Append(header ? "<w:tblHeader/>" : "").Append("</w:trPr>");
        var column = 0;
        foreach (var (text, span, bold, number) in cells)
        {
            sb.Append(Tc(widths.Skip(column).Take(span).Sum(), span, "", text, bold, number, small, keep));
            column += span;
        }

        return sb.Append("</w:tr>").ToString();
    }

    private static string Tc(int width, int span, string merge, string text, bool bold, bool number, bool small, bool keep = false)
    {
        var rPr = (bold ? "<w:b/><w:bCs/>" : "") + (small ? "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>" : "");
        var jc = number ? "right" : small && !bold ? "center" : "left";
        return $"<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{(span > 1 ? $"<w:gridSpan w:val=\"{span}\"/>" : "")}{merge}<w:vAlign w:val=\"center\"/></w:tcPr>"
            + Paragraph("TableText", (keep ? "<w:keepNext/>" : "") + $"<w:jc w:val=\"{jc}\"/>", text.Length > 0 ? Run(text, rPr) : "")
            + "</w:tc>";
    }
}
