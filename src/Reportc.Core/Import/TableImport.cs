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
                continue;
            }

            diagnostics.Report(Descriptors.ImportTableUnmatched, SourceSpan.At(path, table.Line, 1), table.Rows!.Count, report.Kind.Name, report.Sections.LastOrDefault()?.Id ?? "preamble");
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
            .OrderByDescending(x => x.Rows.Count).FirstOrDefault();
        return best.Definition is not null && best.Rows.Count >= Math.Min(2, best.Definition.Rows.Count(r => !r.IsGroup))
            ? new ImportedTable(best.Definition.Id, best.Rows)
            : null;
    }

    private static List<(string RowId, IReadOnlyList<string> Cells)> RowsOf(SourceBlock table, TableDefinition definition)
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

    private static bool IsNumberCell(string cell) => Number().IsMatch(cell);

    private static string Normalise(string label) => Noise().Replace(label, "");

    [GeneratedRegex(@"^[0-9]+(?:\.[0-9]+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"[\s\p{P}\p{S}]")]
    private static partial Regex Noise();
}
