using System.Globalization;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Model;

namespace Reportc.Checks;

/// <summary>
/// The arithmetic of a kind's tables: totals given are checked (those left out were computed when the report
/// was bound, Binding.TableTotals), and every rule that does not hold is reported with both sides and the
/// difference, at the row that states it.
/// </summary>
internal static class TableChecks
{
    public static void Run(Report report, DiagnosticBag diagnostics)
    {
        foreach (var table in report.Tables.Values)
        {
            if (!table.Pending)
            {
                Check(table, diagnostics);
            }
        }
    }

    private static void Check(TableData table, DiagnosticBag diagnostics)
    {
        var definition = table.Definition;
        foreach (var rule in definition.Rules)
        {
            if (rule.PerRow)
            {
                foreach (var row in definition.Rows.Where(r => !r.IsGroup && table.Given.Contains((r.Id!, rule.Total!))))
                {
                    if (rule.Sum.All(c => table.Cells.ContainsKey((row.Id!, c))))
                    {
                        var parts = rule.Sum.Sum(c => table.Cells[(row.Id!, c)]);
                        Report(table, rule, row.Label, table.Cells[(row.Id!, rule.Total!)], parts, table.RowSpans[row.Id!], diagnostics);
                    }
                }

                continue;
            }

            IReadOnlyList<string> left = rule.Total is not null ? [rule.Total] : rule.Left;
            var right = rule.Total is not null ? rule.Sum : rule.Right;

            // A computed total cannot disagree with its parts; a given one is checked at its own row. A
            // balance is reported at the first of its rows the report gives, the right-hand side first.
            var atRow = rule.Total is not null
                ? (table.Given.Any(g => g.Row == rule.Total) ? rule.Total : null)
                : right.Concat(left).FirstOrDefault(table.RowSpans.ContainsKey);
            if (atRow is null || !table.RowSpans.TryGetValue(atRow, out var at))
            {
                continue;
            }

            foreach (var column in definition.Columns)
            {
                if (left.Concat(right).All(r => table.Cells.ContainsKey((r, column.Id))))
                {
                    var l = left.Sum(r => table.Cells[(r, column.Id)]);
                    var r2 = right.Sum(r => table.Cells[(r, column.Id)]);
                    Report(table, rule, column.Label, l, r2, at, diagnostics);
                }
            }
        }
    }

    private static void Report(TableData table, TableRule rule, string where, decimal left, decimal right, SourceSpan at, DiagnosticBag diagnostics)
    {
        if (left != right)
        {
            diagnostics.Report(Descriptors.TableRuleBroken, at, table.Definition.Caption, rule.Text, where, N(left), N(right), N(left - right));
        }
    }

    private static string N(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
