using System.Globalization;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Import;

/// <summary>
/// Tables of the source: those of the kind (the 政府信息公开 tables) read into <c>tables:</c> rows, each row found
/// by its label and its numbers taken in the kind's column order; any other table kept as text where it stood.
/// </summary>
internal static partial class TableImport
{
    /// <summary>Marks a row of a table kept as text: its numbers are not made metrics (the writer drops the mark).</summary>
    public const char Verbatim = '\u0001';

    public static List<(int Line, string Text, int Level)> Take(List<(int Line, string Text, int Level)> body, List<SourceBlock> tables, ImportedReport report, string path, DiagnosticBag diagnostics)
    {
        var result = new List<(int Line, string Text, int Level)>();
        foreach (var paragraph in body)
        {
            if (!paragraph.Text.StartsWith("\u0000table", StringComparison.Ordinal))
            {
                result.Add(paragraph);
                continue;
            }

            var table = tables[int.Parse(paragraph.Text["\u0000table".Length..], CultureInfo.InvariantCulture)];
            if (Match(table, report) is { } imported)
            {
                report.Tables.Add(imported);
                // Lines of the table's place that are none of its words (a heading a PDF's layout printed beside it) stay text.
                var definition = report.Kind.Tables.Single(d => d.Id == imported.Id);
                // A caption (表一 主动公开政府信息情况) that names the table says no more than the table does.
                if (table.Text.Length > 0 && !OfTable(table.Text, definition, caption: true))
                {
                    result.Add((table.Line, table.Text, 0));
                }

                foreach (var text in table.Rows!.Where(r => !r.Any(c => IsNumberCell(c.Trim()))).Select(r => string.Join(" ", r.Where(c => c.Length > 0).Select(c => c.Replace('\n', ' '))))
                    .Where(t => !OfTable(t, definition)))
                {
                    result.Add((table.Line, text, 0));
                }

                continue;
            }

            diagnostics.Report(Descriptors.ImportTableUnmatched, SourceSpan.At(path, table.Line, 1), table.Rows!.Count, report.Kind.Name, report.Sections.LastOrDefault()?.Id ?? "preamble");
            if (table.Text.Length > 0)
            {
                result.Add((table.Line, TableImport.Verbatim + table.Text, 0));
            }

            foreach (var row in table.Rows!.Select(r => string.Join(" ", r.Where(c => c.Length > 0).Select(c => c.Replace('\n', ' ')))).Where(r => r.Length > 0))
            {
                result.Add((table.Line, Verbatim + row, 0));
            }
        }

        return result;
    }

    private static ImportedTable? Match(SourceBlock table, ImportedReport report)
    {
        var best = report.Kind.Tables
            .Where(d => report.Tables.All(t => t.Id != d.Id))
            .Select(d => (Definition: d, Rows: RowsOf(table, d)))
            .OrderByDescending(x => x.Rows.Count).ThenByDescending(x => Named(table.Text, x.Definition)).FirstOrDefault();
        return best.Definition is not null && best.Rows.Count >= Math.Min(2, best.Definition.Rows.Count(r => !r.IsGroup))
            ? new ImportedTable(best.Definition.Id, best.Rows)
            : null;
    }

    private static List<(string RowId, IReadOnlyList<string> Cells)> RowsOf(SourceBlock table, TableDefinition definition) =>
        InOrder(table, definition) ?? ByLabel(table, definition);

    /// <summary>
    /// The rows when the source's rows of numbers are the kind's rows one for one, in order: each with as many numbers as
    /// its row has columns, and each label (where the row has one) a part of its row's. A PDF's text gives labels cut
    /// in two (the numbers on either line), or beside the group labels printed down the left (（三）不 4.保护第三方…).
    /// </summary>
    private static List<(string RowId, IReadOnlyList<string> Cells)>? InOrder(SourceBlock table, TableDefinition definition)
    {
        var kindRows = definition.Rows.Where(r => !r.IsGroup).ToList();
        var sourceRows = table.Rows!
            .Select(cells => (Label: Normalise(string.Concat(cells.Where(c => !IsNumberCell(c.Trim())))), Numbers: cells.Select(c => c.Trim()).Where(IsNumberCell).ToList()))
            .Where(r => r.Numbers.Count > 0).ToList();
        if (!definition.RowLabels || sourceRows.Count != kindRows.Count)
        {
            return null;
        }

        var rows = new List<(string, IReadOnlyList<string>)>();
        for (var k = 0; k < kindRows.Count; k++)
        {
            var (label, numbers) = sourceRows[k];
            var kind = Normalise(kindRows[k].Label);
            if (numbers.Count != definition.ColumnsOf(kindRows[k]).Count
                || (label.Length > 0 && LongestCommon(label, kind) < Math.Max(2, Math.Ceiling(0.6 * Math.Min(label.Length, kind.Length)))))
            {
                return null;
            }

            rows.Add((kindRows[k].Id!, numbers));
        }

        return rows;
    }

    private static List<(string RowId, IReadOnlyList<string> Cells)> ByLabel(SourceBlock table, TableDefinition definition)
    {
        var rows = new List<(string, IReadOnlyList<string>)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cells in table.Rows!)
        {
            var numbers = cells.Select(c => c.Trim()).Where(IsNumberCell).ToList();
            var label = Normalise(string.Concat(cells.Where(c => !IsNumberCell(c.Trim()))));
            // A table without row labels (表四 as published): its one row is the numbers alone, all of them.
            if (!definition.RowLabels && label.Length == 0 && definition.Rows.Count(r => !r.IsGroup) == 1
                && definition.Rows.First(r => !r.IsGroup) is { } only && !used.Contains(only.Id!) && numbers.Count == definition.ColumnsOf(only).Count)
            {
                used.Add(only.Id!);
                rows.Add((only.Id!, numbers));
                continue;
            }

            if (numbers.Count == 0 || label.Length == 0)
            {
                continue;
            }

            var candidates = definition.Rows.Where(r => !r.IsGroup && !used.Contains(r.Id!))
                .Select(r => (Row: r, Score: Score(label, Normalise(r.Label)))).Where(x => x.Score >= 0.8)
                .OrderByDescending(x => x.Score).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var row = candidates[0].Row;
            var columns = definition.ColumnsOf(row).Count;
            if (numbers.Count < columns - (definition.Rules.Any(r => r.PerRow) ? 1 : 0))
            {
                continue;
            }

            used.Add(row.Id!);
            rows.Add((row.Id!, numbers.Skip(Math.Max(0, numbers.Count - columns)).Select(n => n.Length == 0 || n is "—" or "-" or "/" ? "0" : n).ToList()));
        }

        return rows;
    }

    // The label's end decides: （三）不予公开 / 1.属于国家秘密 appear under several groups, so the whole label counts.
    private static double Score(string source, string kind) =>
        source == kind ? 1 : source.EndsWith(kind, StringComparison.Ordinal) || kind.EndsWith(source, StringComparison.Ordinal) ? 0.9 : TextMatch.Ratio(source, kind);

    // A caption that names the table: its words hold the kind's caption, or most of it.
    private static bool Named(string caption, TableDefinition definition) =>
        caption.Length > 0 && TextMatch.Covered(Normalise(definition.Caption), Normalise(caption)) >= 0.8;

    // The longest run of characters two texts share.
    private static int LongestCommon(string a, string b)
    {
        var best = 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }

            (previous, current) = (current, previous);
        }

        return best;
    }

    // A line of the table's header or labels: its characters nearly all found in the table's words (header, corner,
    // column and group labels, row labels, and 信息内容 and 件数 of the official form), as a PDF prints them, a label
    // cut in two or a header written down a narrow column (自/然/人). Not the caption: the section's heading says it.
    private static bool OfTable(string text, TableDefinition definition, bool caption = false)
    {
        var line = Normalise(text);
        var words = string.Concat(new[] { definition.Header ?? "", definition.Corner ?? "", "信息内容件数", caption ? definition.Caption + "表一二三四五六七八九十" : "" }
            .Concat(definition.Columns.SelectMany(c => new[] { c.Label, c.Group ?? "" }))
            .Concat(definition.Rows.Select(r => r.Label)));
        return line.Count(c => words.Contains(c, StringComparison.Ordinal)) >= 0.8 * line.Length;
    }

    private static bool IsNumberCell(string cell) => Number().IsMatch(cell);

    private static string Normalise(string label) => Noise().Replace(label, "");

    [GeneratedRegex(@"^[0-9]+(?:\.[0-9]+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"[\s\p{P}\p{S}]")]
    private static partial Regex Noise();
}
