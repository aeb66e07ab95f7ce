namespace Reportc.Kinds;

/// <summary>A column of a kind's table: its id (position in a row of the YAML) and official label.</summary>
/// <param name="WarnAbove">The largest plausible value by the issuer's level (a fee in 元 typed into a 万元 column is larger).</param>
/// <param name="Decimals">A column of amounts (fractions allowed); the decimals a computed total prints with. Given cells print as typed.</param>
public sealed record TableColumn(string Id, string Label, string? Group, IReadOnlyDictionary<IssuerLevel, decimal>? WarnAbove = null, int? Decimals = null)
{
    /// <summary>The limit for an issuer of <paramref name="level"/>: its own, else (level unknown) the largest.</summary>
    public decimal? LimitFor(IssuerLevel level) =>
        WarnAbove is null or { Count: 0 } ? null : WarnAbove.TryGetValue(level, out var limit) ? limit : WarnAbove.Values.Max();

    /// <summary>Words by which the text names this column besides its label (<c>terms: [现行有效]</c>).</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
}

/// <summary>A row of a kind's table; a group row has a label and no numbers.</summary>
/// <param name="Columns">The columns this row has, when a block of the table has its own (null: all).</param>
public sealed record TableRow(string? Id, string Label, IReadOnlyList<string>? Columns = null)
{
    public bool IsGroup => Id is null;

    /// <summary>Words by which the text names this row besides its label (<c>terms: [收到政府信息公开申请]</c>).</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
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

/// <summary>A cell of a table's header: its row, first column, columns spanned, rows spanned and text.</summary>
public sealed record HeaderCell(int Row, int Column, int Span, int Rows, string Text);

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
    /// <summary>Whether the rules count a blank cell (<c>""</c>) as 0 (<c>blank: zero</c>); else they skip the sums that need it.</summary>
    public bool BlankIsZero { get; init; }

    /// <summary>Whether the rows have a label column (<c>row_labels: false</c>: a one-row table as 表四, headers only).</summary>
    public bool RowLabels { get; init; } = true;

    /// <summary>Cells a report may leave out because a rule computes them: totals.</summary>
    public bool IsComputedColumn(string column) => Rules.Any(r => r.PerRow && r.Total == column);

    /// <summary>
    /// The header rows of a table without blocks: each column's path (header · groups · label) gives a cell per
    /// level, spanning the columns that share its path so far and reaching down to the last row when its path
    /// ends early. Column numbers count from 1 (column 0 is the corner); ordered by row, then column.
    /// </summary>
    public (int Depth, IReadOnlyList<HeaderCell> Cells) HeaderCells()
    {
        var paths = Columns.Select(c => new[] { Header }.Concat((c.Group ?? "").Split('·', StringSplitOptions.RemoveEmptyEntries)).Append(c.Label).OfType<string>().ToArray()).ToList();
        var depth = paths.Max(p => p.Length);
        // A path shorter than the deepest reaches down at its first cell that covers only columns as short as it
        // (行政复议 over its five columns, as the official table 四; 自然人 in table 三), so the labels stand in
        // the last header row.
        int Stretch(int column, int level) =>
            Enumerable.Range(0, paths.Count).Where(j => paths[j].Length > level && paths[j].Take(level + 1).SequenceEqual(paths[column].Take(level + 1))).All(j => paths[j].Length == paths[column].Length)
                ? depth - paths[column].Length : 0;

        var cells = new List<HeaderCell>();
        var shift = new int[paths.Count];
        for (var level = 0; level < depth; level++)
        {
            for (var i = 0; i < paths.Count;)
            {
                if (paths[i].Length <= level)
                {
                    i++;
                    continue;
                }

                var span = 1;
                while (i + span < paths.Count && paths[i + span].Length > level && paths[i + span].Take(level + 1).SequenceEqual(paths[i].Take(level + 1)) && level < paths[i].Length - 1)
                {
                    span++;
                }

                var extra = shift[i] == 0 ? Stretch(i, level) : 0;
                cells.Add(new HeaderCell(level + shift[i], i + 1, span, 1 + extra, paths[i][level]));
                for (var j = i; j < i + span; j++)
                {
                    shift[j] += extra;
                }

                i += span;
            }
        }

        return (depth, [.. cells.OrderBy(c => c.Row).ThenBy(c => c.Column)]);
    }

    /// <summary>The columns a row has, in order.</summary>
    public IReadOnlyList<TableColumn> ColumnsOf(TableRow row) =>
        row.Columns is null ? Columns : [.. row.Columns.Select(id => Columns.First(c => c.Id == id))];

    public bool IsComputedRow(string row) => Rules.Any(r => !r.PerRow && r.Total == row);
}
