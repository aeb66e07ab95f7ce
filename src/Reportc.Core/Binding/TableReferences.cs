using Reportc.Kinds;
using Reportc.Model;

namespace Reportc.Binding;

/// <summary>
/// A table cell named in the narrative: <c>{{table.row.column}}</c> with the ids of the kind's table, row and
/// column (<c>{{requests.received.total}}</c>, <c>{{proactive.normative.valid}}</c>), printed as the table prints
/// it. A path that names no cell says which part names nothing (Checks.ReferenceChecks reports it with the id meant).
/// </summary>
internal sealed class TableReferences(IReadOnlyList<TableDefinition> definitions, IReadOnlyDictionary<string, TableData> tables)
{
    public bool IsTable(string id) => definitions.Any(t => t.Id == id);

    /// <summary>The part of the path <paramref name="parts"/> (table, row, column) that names nothing in <paramref name="definitions"/>.</summary>
    public static TableCellFault FaultOf(IReadOnlyList<TableDefinition> definitions, string[] parts)
    {
        var definition = definitions.FirstOrDefault(t => t.Id == parts[0]);
        if (definition is null)
        {
            return TableCellFault.Table;
        }

        if (parts.Length != 3)
        {
            return TableCellFault.Shape;
        }

        if (definition.Rows.FirstOrDefault(r => !r.IsGroup && r.Id == parts[1]) is not { } row)
        {
            return TableCellFault.Row;
        }

        return definition.ColumnsOf(row).All(c => c.Id != parts[2]) ? TableCellFault.Column : TableCellFault.None;
    }

    /// <summary>The cell's text (<see cref="NarrativeReferences.PendingText"/> while it is to be filled in), or null with the fault when the path names no cell.</summary>
    public string? Resolve(string reference, out TableCellFault fault, out bool pending)
    {
        pending = false;
        var parts = reference.Split('.');
        fault = FaultOf(definitions, parts);
        if (fault != TableCellFault.None)
        {
            return null;
        }

        if (!tables.TryGetValue(parts[0], out var table) || (!table.Cells.ContainsKey((parts[1], parts[2])) && !table.Blanks.Contains((parts[1], parts[2]))))
        {
            // Not known yet (~) or left out with the table: shown as still to be filled in.
            pending = true;
            return NarrativeReferences.PendingText;
        }

        return table.Printed(parts[1], parts[2]);
    }
}
