using Reportc.Model;

namespace Reportc.Binding;

/// <summary>
/// The totals a report leaves out of its tables, computed by the kind's rules when the report is bound, so that
/// the checks, the renderers and diff all read the same cells and none of them writes one.
/// </summary>
internal static class TableTotals
{
    public static void Compute(TableData table)
    {
        var definition = table.Definition;
        var rows = definition.Rows.Where(r => !r.IsGroup).Select(r => r.Id!).ToList();

        // Row totals first (a row's 总计 column), then total rows (which add the totals up too).
        foreach (var rule in definition.Rules.Where(r => r.PerRow && r.Total is not null))
        {
            foreach (var row in rows.Where(r => !table.Cells.ContainsKey((r, rule.Total!)) && !table.Blanks.Contains((r, rule.Total!))))
            {
                if (rule.Sum.All(c => table.Cells.ContainsKey((row, c))) && definition.ColumnsOf(definition.Rows.First(r => r.Id == row)).Any(c => c.Id == rule.Total))
                {
                    table.Cells[(row, rule.Total!)] = rule.Sum.Sum(c => table.Cells[(row, c)]);
                }
            }
        }

        foreach (var rule in definition.Rules.Where(r => !r.PerRow && r.Total is not null))
        {
            foreach (var column in definition.Columns.Select(c => c.Id).Where(c => !table.Cells.ContainsKey((rule.Total!, c)) && !table.Blanks.Contains((rule.Total!, c))))
            {
                if (rule.Sum.All(r => table.Cells.ContainsKey((r, column))))
                {
                    table.Cells[(rule.Total!, column)] = rule.Sum.Sum(r => table.Cells[(r, column)]);
                }
            }
        }
    }
}
