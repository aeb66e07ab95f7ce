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
        var layout = blocks ? null : TableLayout.For(table);
        var width = blocks ? d.Rows.Where(r => !r.IsGroup).Max(r => d.ColumnsOf(r).Count) + 1 : layout!.LabelColumns + d.Columns.Count;
        int[] widths;
        if (blocks)
        {
            var first = TextWidth / width;
            widths = [.. Enumerable.Range(0, width).Select(i => first)];
        }
        else
        {
            // The widths the HTML has (TableLayout), in twentieths of a point.
            var total = layout!.Widths.Sum();
            widths = [.. layout.Widths.Select(w => (int)(w / total * TextWidth))];
        }

        widths[^1] += TextWidth - widths.Sum();
        var small = layout is { Merged: true };

        var sb = new StringBuilder("<w:tbl><w:tblPr>")
            .Append($"<w:tblW w:w=\"{TextWidth}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>")
            .Append("<w:tblBorders>").Append(string.Concat(new[] { "top", "left", "bottom", "right", "insideH", "insideV" }.Select(s => $"<w:{s} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"))).Append("</w:tblBorders>")
            .Append("<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>")
            .Append(string.Concat(widths.Select(w => $"<w:gridCol w:w=\"{w}\"/>"))).Append("</w:tblGrid>");

        if (blocks)
        {
            // A block with fewer columns (（五）（六）（八）项: one) spans its last cell over the rest.
            IEnumerable<(string, int, bool, bool)> Spanned(IReadOnlyList<string> texts, bool number) =>
                texts.Select((t, k) => (t, k == texts.Count - 1 ? width - texts.Count : 1, false, number));

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
                        sb.Append(Row([("信息内容", 1, false, false), .. Spanned([.. d.ColumnsOf(next).Select(c => c.Label)], false)], widths, header: false, keep: true, small: true));
                    }

                    continue;
                }

                sb.Append(Row([(row.Label, 1, false, false), .. Spanned([.. d.ColumnsOf(row).Select(c => table.Printed(row.Id!, c.Id))], true)], widths, header: false, keep: false));
            }

            return sb.Append("</w:tbl>").ToString();
        }

        // The header cells as the HTML has them (TableDefinition.HeaderCells), after the corner over the label columns.
        var labels = layout!.LabelColumns;
        var (depth, header) = d.HeaderCells();
        var cells = new List<HeaderCell>();
        if (labels > 0)
        {
            cells.Add(new(0, 0, labels, depth, d.Corner ?? ""));
        }

        cells.AddRange(header.Select(h => h with { Column = h.Column - 1 + labels }));
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

        // The rows: merged group cells at the left (vMerge down the rows they hold), each label over the columns
        // its groups leave, then the numbers.
        foreach (var line in layout.Lines)
        {
            if (line.Row is null)
            {
                sb.Append(Row([(line.Labels[0].Text, width, true, false)], widths, header: false, keep: true));
                continue;
            }

            // The columns left of this row's first label belong to groups begun above: their merge goes on.
            var row = new StringBuilder("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (var c = 0; c < (line.Labels.Count > 0 ? line.Labels[0].Column : 0); c++)
            {
                row.Append(Tc(widths[c], 1, "<w:vMerge/>", "", false, false, small));
            }

            var column = 0;
            foreach (var label in line.Labels)
            {
                if (label.Group)
                {
                    row.Append(Tc(widths[label.Column], 1, label.Rows > 1 ? "<w:vMerge w:val=\"restart\"/>" : "", label.Text, false, false, small, centre: true));
                }
                else
                {
                    row.Append(Tc(widths.Skip(label.Column).Take(label.Span).Sum(), label.Span, "", label.Text, false, false, small, left: true));
                }

                column = label.Column + label.Span;
            }

            foreach (var c in d.Columns)
            {
                row.Append(Tc(widths[column], 1, "", table.Printed(line.Row.Id!, c.Id), false, true, small));
                column++;
            }

            sb.Append(row).Append("</w:tr>");
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

    private static string Tc(int width, int span, string merge, string text, bool bold, bool number, bool small, bool keep = false, bool centre = false, bool left = false)
    {
        var rPr = (bold ? "<w:b/><w:bCs/>" : "") + (small ? "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>" : "");
        var jc = number ? "right" : left ? "left" : centre || (small && !bold) ? "center" : "left";
        return $"<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{(span > 1 ? $"<w:gridSpan w:val=\"{span}\"/>" : "")}{merge}<w:vAlign w:val=\"center\"/></w:tcPr>"
            + Paragraph("TableText", (keep ? "<w:keepNext/>" : "") + $"<w:jc w:val=\"{jc}\"/>", text.Length > 0 ? Run(text, rPr) : "")
            + "</w:tc>";
    }
}
