namespace Reportc.Kinds;

/// <summary>A column of a kind's table: its id (position in a row of the YAML) and official label.</summary>
/// <param name="Decimals">Digits after the point the column prints (an amount in 万元: 2); null: as typed.</param>
public sealed record TableColumn(string Id, string Label, string? Group, decimal? WarnAbove = null, int? Decimals = null);

/// <summary>A row of a kind's table; a group row has a label and no numbers.</summary>
/// <param name="Columns">The columns this row has, when a block of the table has its own (null: all).</param>
public sealed record TableRow(string? Id, string Label, IReadOnlyList<string>? Columns = null)
{
    public bool IsGroup => Id is null;
}

/// <summary>
/// An arithmetic rule of a table. Row-wise (<see cref="PerRow"/>): in every row, the cell in column
/// <see cref="Total"/> is the sum of the cells in columns <see cref="Sum"/>. Column-wise: in every column,
/// row <see cref="Total"/> is the sum of rows <see cref="Sum"/>, or rows <see cref="Left"/> add up to rows
/// <see cref="Right"/>.
/// </summary>
public sealed record TableRule(string Id, string Text, bool PerRow, string? Total, IReadOnlyList<string> Sum, IReadOnlyList<string> Left, IReadOnlyList<string> Right)
{
    public IEnumerable<string> Participants => (Total is null ? [] : new[] { Total }).Concat(Sum).Concat(Left).Concat(Right);
}

/// <summary>A table a kind mandates: in which section, with which rows, columns, unit and rules.</summary>
public sealed record TableDefinition(
    string Id,
    string Section,
    string Caption,
    string? Corner,
    string? Header,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    IReadOnlyList<TableRule> Rules)
{
    /// <summary>Cells a report may leave out because a rule computes them: totals.</summary>
    public bool IsComputedColumn(string column) => Rules.Any(r => r.PerRow && r.Total == column);

    /// <summary>The columns a row has, in order.</summary>
    public IReadOnlyList<TableColumn> ColumnsOf(TableRow row) =>
        row.Columns is null ? Columns : [.. row.Columns.Select(id => Columns.First(c => c.Id == id))];

    public bool IsComputedRow(string row) => Rules.Any(r => !r.PerRow && r.Total == row);
}
