using Reportc.Kinds;
using Reportc.Model;
using Reportc.Rendering;

namespace Reportc.Diff;

/// <summary>
/// One cell of a kind's table across two years, named by its table, row and column (ids and labels); a value
/// is the text the table prints (as typed, "" for a cell left blank), null where the year has no such cell.
/// </summary>
public sealed record TableCellChange(string Table, string Caption, string Row, string RowLabel, string Column, string ColumnLabel, string? Old, string? New, decimal? Delta)
{
    public ChangeKind Kind => (Old, New) switch
    {
        (null, null) => ChangeKind.Unchanged,
        (null, _) => ChangeKind.Added,
        (_, null) => ChangeKind.Removed,
        _ when Old == New => ChangeKind.Unchanged,
        _ => ChangeKind.Changed,
    };

    /// <summary>The reference that writes this cell into the text: <c>requests.received.total</c>.</summary>
    public string Path => $"{Table}.{Row}.{Column}";

    /// <summary>The column's label with its groups, as the printed header shows it (行政复议·总计).</summary>
    public string Where => $"{RowLabel} · {ColumnLabel}";

    public static IReadOnlyList<TableCellChange> Compare(Report? old, Report? @new)
    {
        var changes = new List<TableCellChange>();
        foreach (var definition in (@new ?? old)?.Kind.Tables ?? [])
        {
            var before = old?.Tables.GetValueOrDefault(definition.Id);
            var after = @new?.Tables.GetValueOrDefault(definition.Id);
            if (before is null && after is null)
            {
                continue;
            }

            foreach (var row in definition.Rows.Where(r => !r.IsGroup))
            {
                foreach (var column in definition.ColumnsOf(row))
                {
                    var o = Cell(before, row.Id!, column.Id);
                    var n = Cell(after, row.Id!, column.Id);
                    decimal? delta = before is not null && after is not null && before.Cells.TryGetValue((row.Id!, column.Id), out var a) && after.Cells.TryGetValue((row.Id!, column.Id), out var b) ? b - a : null;
                    var label = string.Join("·", new[] { column.Group, column.Label }.OfType<string>());
                    changes.Add(new TableCellChange(definition.Id, definition.Caption, row.Id!, row.Label, column.Id, label, o, n, delta));
                }
            }
        }

        return changes;
    }

    private static string? Cell(TableData? table, string row, string column) =>
        table is null || (!table.Cells.ContainsKey((row, column)) && !table.Blanks.Contains((row, column))) ? null : table.Printed(row, column);
}
