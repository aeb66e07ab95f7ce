using System.Globalization;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Model;

/// <summary>A table's numbers as the report gives them, with the totals the rules compute filled in.</summary>
public sealed class TableData(TableDefinition definition, SourceSpan span)
{
    public TableDefinition Definition { get; } = definition;

    /// <summary>Where the table's key is in the YAML.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>Cell values by row and column id; a cell absent here is neither given nor computable.</summary>
    public Dictionary<(string Row, string Column), decimal> Cells { get; } = [];

    /// <summary>Each given cell's number exactly as typed (<c>5949.088667</c>, <c>316441</c>): what every output prints.</summary>
    public Dictionary<(string Row, string Column), string> Texts { get; } = [];

    /// <summary>The cells written blank (<c>""</c>): printed blank; counted as 0 by the rules only where the table says so (<c>blank: zero</c>).</summary>
    public HashSet<(string Row, string Column)> Blanks { get; } = [];

    /// <summary>Whether some cells are still "~" (to be filled in): its sums are not checked then.</summary>
    public bool Pending { get; set; }

    /// <summary>The cells the report gave (the others were computed).</summary>
    public HashSet<(string Row, string Column)> Given { get; } = [];

    /// <summary>Where each row given in the YAML is.</summary>
    public Dictionary<string, SourceSpan> RowSpans { get; } = [];

    /// <summary>A cell as every output prints it: as typed, or a computed total with its column's decimals; blank when unknown.</summary>
    public string Printed(string row, string column) =>
        Texts.TryGetValue((row, column), out var typed) ? typed
        : !Cells.TryGetValue((row, column), out var v) ? ""
        : Definition.Columns.First(c => c.Id == column).Decimals is { } places ? v.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : v.ToString(CultureInfo.InvariantCulture);
}
