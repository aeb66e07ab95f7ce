using System.Globalization;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Model;

namespace Reportc.Checks;

/// <summary>
/// A number typed into the text that names a table cell and says another number (现行有效规范性文件393件 where the
/// table has 470): a warning at the number, like a number typed that a metric holds. A cell is named by its
/// row's words and, where the row has several columns, its column's (the labels without numbering, 本年 and
/// 数量; 行政规范性文件 also as 规范性文件; more in the kind's <c>terms:</c>), in the clause before the number; a
/// row of several columns named without one means its 总计.
/// </summary>
internal static partial class TableTextChecks
{
    public static void Run(Report report, DiagnosticBag diagnostics)
    {
        if (report.Tables.Count == 0)
        {
            return;
        }

        var cells = report.Tables.Values.SelectMany(Named).ToList();
        foreach (var narrative in Narratives.All(report))
        {
            var text = narrative.Text;
            var references = References().Matches(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
            foreach (Match number in Number().Matches(text))
            {
                if (references.Any(r => number.Index >= r.Index && number.Index < r.End)
                    || !decimal.TryParse(number.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    continue;
                }

                var clause = text[(text.LastIndexOfAny(ClauseEnds, Math.Max(0, number.Index - 1)) + 1)..number.Index];
                if (Cell(cells, clause) is not { } cell || !cell.Table.Cells.TryGetValue((cell.Row.Id!, cell.Column.Id), out var inTable) || inTable == value)
                {
                    continue;
                }

                diagnostics.Report(Descriptors.TextContradictsTable, narrative.SpanOf(number.Index, number.Length), number.Value, cell.Table.Definition.Caption,
                    cell.Row.Label, cell.Column.Label, cell.Table.Printed(cell.Row.Id!, cell.Column.Id), $"{{{{{cell.Table.Definition.Id}.{cell.Row.Id}.{cell.Column.Id}}}}}");
            }
        }
    }

    private static readonly char[] ClauseEnds = ['。', '；', '！', '？', '\n', '，', '、', '：', ';', ','];

    private sealed record NamedCell(TableData Table, TableRow Row, TableColumn Column, IReadOnlyList<string> RowTerms, IReadOnlyList<string> ColumnTerms);

    // The cell the clause names: the row whose words come last in it, then the column whose words do (or the
    // row's only column, or its 总计).
    private static NamedCell? Cell(List<NamedCell> cells, string clause)
    {
        static int Last(IReadOnlyList<string> terms, string clause) => terms.Count == 0 ? -1 : terms.Max(t => clause.LastIndexOf(t, StringComparison.Ordinal) is var i and >= 0 ? i + t.Length : -1);

        var rows = cells.Select(c => (Cell: c, At: Last(c.RowTerms, clause))).Where(x => x.At >= 0).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var at = rows.Max(x => x.At);
        var candidates = rows.Where(x => x.At == at).Select(x => x.Cell).ToList();
        var byColumn = candidates.Select(c => (Cell: c, At: Last(c.ColumnTerms, clause))).Where(x => x.At >= 0).OrderByDescending(x => x.At).FirstOrDefault();
        if (byColumn.Cell is not null)
        {
            return byColumn.Cell;
        }

        return candidates.Count == 1 ? candidates[0] : candidates.FirstOrDefault(c => c.Column.Label == "总计" || c.Column.Id == "total");
    }

    private static IEnumerable<NamedCell> Named(TableData table)
    {
        var d = table.Definition;
        foreach (var row in d.Rows.Where(r => !r.IsGroup))
        {
            var rowTerms = row.Terms.Concat(Terms(row.Label, row: true)).Where(t => t.Length >= 3 || row.Terms.Contains(t)).Distinct().ToList();
            if (rowTerms.Count == 0)
            {
                continue;
            }

            foreach (var column in d.ColumnsOf(row))
            {
                yield return new NamedCell(table, row, column, rowTerms, [.. column.Terms.Concat(Terms(column.Label, row: false)).Where(t => t.Length >= 2).Distinct()]);
            }
        }
    }

    // A label as prose names it: without its numbering (一、 （一） 1.), a note in brackets, 本年(度), 数量, 件数.
    internal static IEnumerable<string> Terms(string label, bool row)
    {
        var term = Numbering().Replace(label, "");
        term = Bracketed().Replace(term, "");
        foreach (var word in new[] { "本年度", "本年" })
        {
            term = term.StartsWith(word, StringComparison.Ordinal) ? term[word.Length..] : term;
        }

        foreach (var word in new[] { "数量", "件数", "金额" })
        {
            term = term.EndsWith(word, StringComparison.Ordinal) ? term[..^word.Length] : term;
        }

        yield return term;
        // 规范性文件 is how the text most often says 行政规范性文件.
        if (row && term.StartsWith("行政", StringComparison.Ordinal) && term.Length >= 6)
        {
            yield return term[2..];
        }
    }

    [GeneratedRegex(@"(?<![0-9.．])[0-9]+(?:\.[0-9]+)?(?![0-9]|\.[0-9]|[.、])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\{\{[^{}]*\}\}")]
    private static partial Regex References();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.．])")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"（[^）]*）")]
    private static partial Regex Bracketed();
}
