using System.Text.RegularExpressions;
using Reportc.Kinds;
using Reportc.Model;
using Reportc.Text;

namespace Reportc.Rendering;

/// <summary>
/// The official shape of a kind's table without blocks, shared by the HTML and the Word renderers. Where every
/// row label is numbered (一、 （一） 1.), a group row is no row of its own but a merged cell at the left of the
/// rows it holds (三、本年度办理结果 beside all the outcome rows, （三）不予公开 beside its eight), and each row's
/// label spans the label columns its groups leave. The columns get widths: the label columns wide enough for the
/// longest label in two lines, the number columns for the widest number.
/// </summary>
internal sealed partial record TableLayout(int LabelColumns, IReadOnlyList<TableLayout.Line> Lines, IReadOnlyList<double> Widths)
{
    /// <summary>The point size of the text of a table with merged group cells (its label column must hold the long labels).</summary>
    public const double MergedFontPt = 9;

    /// <summary>A label cell at the left of a row: its column, columns spanned, rows spanned, text, and whether it is a group.</summary>
    public sealed record LabelCell(int Column, int Span, int Rows, string Text, bool Group);

    /// <summary>A table row: the data row it prints (null for a group row printed full width) and its label cells.</summary>
    public sealed record Line(TableRow? Row, IReadOnlyList<LabelCell> Labels);

    public bool Merged => LabelColumns > 1;

    /// <summary>The layout of <paramref name="table"/>; widths in mm of the 156 mm 版心, label columns first.</summary>
    public static TableLayout For(TableData table, double width = 156)
    {
        var d = table.Definition;
        if (!d.RowLabels)
        {
            return new TableLayout(0, [.. d.Rows.Where(r => !r.IsGroup).Select(r => new Line(r, []))], Even(d.Columns.Count, width));
        }

        var levels = d.Rows.Select(r => Level(r.Label)).ToList();
        if (!d.Rows.Any(r => r.IsGroup) || levels.Any(l => l < 0))
        {
            // Group rows printed full width, one label column (a kind of one's own without numbered labels).
            var lines = d.Rows.Select(r => new Line(r.IsGroup ? null : r, [new LabelCell(0, r.IsGroup ? d.Columns.Count + 1 : 1, 1, r.Label, r.IsGroup)])).ToList();
            var first = width * 0.22;
            return new TableLayout(1, lines, [first, .. Even(d.Columns.Count, width - first)]);
        }

        // Which groups hold each data row: a group holds the rows after it numbered deeper than itself.
        var open = new List<(int Index, int Level)>();
        var holders = new Dictionary<int, List<int>>();
        for (var i = 0; i < d.Rows.Count; i++)
        {
            while (open.Count > 0 && open[^1].Level >= levels[i])
            {
                open.RemoveAt(open.Count - 1);
            }

            if (d.Rows[i].IsGroup)
            {
                open.Add((i, levels[i]));
            }
            else
            {
                holders[i] = [.. open.Select(o => o.Index)];
            }
        }

        var depth = holders.Values.Max(h => h.Count) + 1;
        var placed = new HashSet<int>();
        var result = new List<Line>();
        foreach (var (i, groups) in holders.OrderBy(h => h.Key))
        {
            var cells = new List<LabelCell>();
            for (var g = 0; g < groups.Count; g++)
            {
                if (placed.Add(groups[g]))
                {
                    cells.Add(new LabelCell(g, 1, holders.Count(h => h.Value.Contains(groups[g])), d.Rows[groups[g]].Label, true));
                }
            }

            cells.Add(new LabelCell(groups.Count, depth - groups.Count, 1, d.Rows[i].Label, false));
            result.Add(new Line(d.Rows[i], cells));
        }

        return new TableLayout(depth, result, ColumnWidths(table, result, depth, width));
    }

    // A CJK character is 1 em; a digit about 0.55 em; each cell has 3 pt of padding a side.
    private const double PtMm = 25.4 / 72;
    private const double Char = MergedFontPt * PtMm;
    private const double Padding = 6 * PtMm + 0.5;

    private static double[] ColumnWidths(TableData table, List<Line> lines, int depth, double width)
    {
        var d = table.Definition;
        var digits = d.Columns.Select(c => d.Rows.Where(r => !r.IsGroup).Select(r => table.Printed(r.Id!, c.Id).Length).DefaultIfEmpty(1).Max()).ToList();
        var numbers = digits.Select(n => Math.Max(3, n) * 0.55 * Char + Padding).ToList();
        // Group columns: two characters a line for the outer ones, four for the inner.
        var groups = Enumerable.Range(0, depth - 1).Select(g => (g == 0 ? 2 : 4) * Char + Padding).ToList();
        // The leaf column: the longest label that ends there in two lines, given what the group columns leave it,
        // and one character more a line, as a line may not begin with 、，。） (the character before goes down too).
        var leaf = lines.SelectMany(l => l.Labels).Where(c => !c.Group).Max(c => (Math.Ceiling(CjkText.DisplayWidth(c.Text) / 4.0) + 1.5) * Char + Padding - groups.Skip(c.Column).Sum());
        var rest = width - groups.Sum() - leaf;
        var share = Math.Max(numbers.Max(), rest / d.Columns.Count);
        var leafWidth = width - groups.Sum() - (share * d.Columns.Count);
        return [.. groups, leafWidth, .. d.Columns.Select(_ => share)];
    }

    private static double[] Even(int count, double width) => [.. Enumerable.Repeat(width / count, count)];

    // 一、 → 0, （一） → 1, 1. → 2; -1 for a label not numbered so.
    private static int Level(string label) =>
        TopLevel().IsMatch(label) ? 0 : SecondLevel().IsMatch(label) ? 1 : ThirdLevel().IsMatch(label) ? 2 : -1;

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex TopLevel();

    [GeneratedRegex("^（[一二三四五六七八九十]+）")]
    private static partial Regex SecondLevel();

    [GeneratedRegex("^[0-9]+[.．]")]
    private static partial Regex ThirdLevel();
}
