using System.Globalization;
using System.Net;
using System.Text;
using Reportc.Kinds;
using Reportc.Model;

namespace Reportc.Rendering;

/// <summary>
/// A kind's table in both outputs: a GitHub pipe table, and an HTML table with the official headers
/// (column groups, the corner note, block captions) whose header rows repeat on every printed page.
/// </summary>
internal static class TableRenderer
{
    public static RenderedBlock Render(TableData table) => new("table", 0, Markdown(table), Html(table));

    // A given cell prints exactly as typed (never rounded or padded); a total the rules computed, with the
    // column's decimals, else those of its parts.
    private static string Markdown(TableData table)
    {
        var d = table.Definition;
        string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
        var md = new StringBuilder();
        md.Append("| ").Append(Cell(d.Corner ?? (d.Rows.Any(r => r.Columns is not null) ? "信息内容" : ""))).Append(" | ")
            .Append(string.Join(" | ", d.Columns.Select(c => Cell(string.Join("·", new[] { d.Header, c.Group, c.Label }.OfType<string>()))))).Append(" |\n");
        md.Append("|---").Append(string.Concat(d.Columns.Select(_ => "|---:"))).Append("|\n");
        foreach (var row in d.Rows)
        {
            var columns = row.IsGroup ? [] : d.ColumnsOf(row).Select(c => c.Id).ToHashSet();
            md.Append("| ").Append(Cell(row.Label)).Append(" | ")
                .Append(string.Join(" | ", d.Columns.Select(c => row.IsGroup ? "" : columns.Contains(c.Id) ? table.Printed(row.Id!, c.Id) : "—")))
                .Append(" |\n");
        }

        return md.ToString().TrimEnd('\n');
    }

    private static string Html(TableData table)
    {
        var d = table.Definition;
        static string E(string text) => WebUtility.HtmlEncode(text);
        // The caption names the table for screen readers and validators; the section heading already shows it.
        var layout = d.Rows.Any(r => r.Columns is not null) ? null : TableLayout.For(table);
        var classes = layout is { Merged: true } ? "kind-table merged" : layout is { LabelColumns: 0 } ? "kind-table headers-only" : "kind-table";
        var html = new StringBuilder($"<table class=\"{classes}\" id=\"table-{E(d.Id)}\">\n<caption>{E(d.Caption)}</caption>\n");
        if (d.Rows.Any(r => r.Columns is not null))
        {
            // Blocks with their own columns (the 主动公开 table): a caption row, then the block's header. Each
            // block is a tbody of its own, which print keeps on one page (a header is never left at a page's foot).
            var open = false;
            var width = d.Rows.Where(r => !r.IsGroup).Max(r => d.ColumnsOf(r).Count) + 1;
            for (var i = 0; i < d.Rows.Count; i++)
            {
                var row = d.Rows[i];
                if (row.IsGroup)
                {
                    html.Append(open ? "</tbody>\n" : "").Append("<tbody class=\"block\">\n");
                    open = true;
                    html.Append($"<tr class=\"block\"><th scope=\"colgroup\" colspan=\"{width}\">{E(row.Label)}</th></tr>\n");
                    var next = d.Rows.Skip(i + 1).FirstOrDefault(r => !r.IsGroup);
                    if (next is not null)
                    {
                        var labels = d.ColumnsOf(next);
                        html.Append("<tr><th scope=\"col\">信息内容</th>").Append(string.Concat(labels.Select((c, k) => $"<th scope=\"col\"{Span(k, labels.Count, width)}>{E(c.Label)}</th>"))).Append("</tr>\n");
                    }

                    continue;
                }

                if (!open)
                {
                    html.Append("<tbody>\n");
                    open = true;
                }

                var columns = d.ColumnsOf(row);
                // A block with fewer columns (（五）（六）（八）项: one) spans its last over the rest, as the official table.
                html.Append($"<tr><th scope=\"row\">{E(row.Label)}</th>").Append(string.Concat(columns.Select((c, k) => $"<td{Span(k, columns.Count, width)}>{table.Printed(row.Id!, c.Id)}</td>"))).Append("</tr>\n");
            }

            return html.Append("</tbody>\n</table>").ToString();
        }

        // Header rows from each column's path (TableDefinition.HeaderCells); the row labels as the official table
        // has them (TableLayout): merged group cells at the left, or no label column at all (表四).
        if (layout!.Merged)
        {
            // The widths are rules of the page's stylesheet (Css): the HTML carries no inline style.
            html.Append("<colgroup>").Append(string.Concat(layout.Widths.Select(_ => "<col>"))).Append("</colgroup>\n");
        }

        var (depth, header) = d.HeaderCells();
        html.Append("<thead>\n<tr>");
        if (layout.LabelColumns > 0)
        {
            var span = layout.LabelColumns > 1 ? $" colspan=\"{layout.LabelColumns}\"" : "";
            // An empty corner is a data cell: a header cell must name something.
            html.Append(d.Corner is { Length: > 0 } corner
                ? $"<th class=\"corner\" scope=\"col\"{span} rowspan=\"{depth}\">{E(corner)}</th>"
                : $"<td class=\"corner\"{span} rowspan=\"{depth}\"></td>");
        }

        var headerRow = 0;
        foreach (var cell in header)
        {
            if (cell.Row != headerRow)
            {
                html.Append("</tr>\n<tr>");
                headerRow = cell.Row;
            }

            html.Append(cell.Span > 1 ? "<th scope=\"colgroup\"" : "<th scope=\"col\"").Append(cell.Span > 1 ? $" colspan=\"{cell.Span}\"" : "").Append(cell.Rows > 1 ? $" rowspan=\"{cell.Rows}\"" : "").Append('>').Append(E(cell.Text)).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var line in layout.Lines)
        {
            var labels = string.Concat(line.Labels.Select(c => c.Group && line.Row is null
                ? $"<th scope=\"row\" colspan=\"{c.Span}\">{E(c.Text)}</th>"
                : $"<th scope=\"{(c.Group ? "rowgroup" : "row")}\"{(c.Span > 1 ? $" colspan=\"{c.Span}\"" : "")}{(c.Rows > 1 ? $" rowspan=\"{c.Rows}\"" : "")}{(c.Group ? " class=\"group\"" : "")}>{E(c.Text)}</th>"));
            html.Append(line.Row is null
                ? $"<tr class=\"group\">{labels}</tr>\n"
                : $"<tr>{labels}{string.Concat(d.Columns.Select(c => $"<td>{table.Printed(line.Row.Id!, c.Id)}</td>"))}</tr>\n");
        }

        return html.Append("</tbody>\n</table>").ToString();
    }

    /// <summary>The column widths of the tables with merged group cells, as stylesheet rules (empty without such a table).</summary>
    public static string Css(IEnumerable<TableData> tables)
    {
        var css = new StringBuilder();
        foreach (var table in tables.Where(t => t.Definition.Rows.All(r => r.Columns is null)))
        {
            var layout = TableLayout.For(table);
            if (!layout.Merged)
            {
                continue;
            }

            var total = layout.Widths.Sum();
            for (var i = 0; i < layout.Widths.Count; i++)
            {
                css.Append(CultureInfo.InvariantCulture, $"#table-{table.Definition.Id} col:nth-child({i + 1}) {{ width: {(layout.Widths[i] / total * 100).ToString("0.00", CultureInfo.InvariantCulture)}%; }}\n");
            }
        }

        return css.Length == 0 ? "" : "\n/* Column widths of the tables with merged group cells (computed by reportc). */\n" + css;
    }

    // The colspan of a block's k-th of n cells in a table of `width` columns (the label first): the last takes the rest.
    private static string Span(int k, int n, int width) => k == n - 1 && width - n > 1 ? $" colspan=\"{width - n}\"" : "";

    private static IEnumerable<(string? Group, List<TableColumn> Columns)> Runs(IReadOnlyList<TableColumn> columns)
    {
        var runs = new List<(string?, List<TableColumn>)>();
        foreach (var column in columns)
        {
            if (column.Group is not null && runs.Count > 0 && runs[^1].Item1 == column.Group)
            {
                runs[^1].Item2.Add(column);
            }
            else
            {
                runs.Add((column.Group, [column]));
            }
        }

        return runs;
    }
}
