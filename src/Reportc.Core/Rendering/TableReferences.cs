using Reportc.Binding;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Model;

namespace Reportc.Rendering;

/// <summary>
/// A table cell named in the narrative: <c>{{table.row.column}}</c> with the ids of the kind's table, row and
/// column (<c>{{requests.received.total}}</c>, <c>{{proactive.normative.valid}}</c>), printed as the table prints
/// it. A path that names no cell is an error with the id meant.
/// </summary>
internal sealed class TableReferences(IReadOnlyList<TableDefinition> definitions, IReadOnlyDictionary<string, TableData> tables)
{
    public bool IsTable(string id) => definitions.Any(t => t.Id == id);

    /// <summary>The cell's text, or null (reported) when the path names no cell.</summary>
    public string? Resolve(string reference, SourceSpan span, DiagnosticBag diagnostics, out bool pending)
    {
        pending = false;
        var parts = reference.Split('.');
        var definition = definitions.FirstOrDefault(t => t.Id == parts[0]);
        MessagePart? why = null;
        if (definition is null)
        {
            why = new MessagePart("TableRefTable", parts[0], DidYouMean.Part(parts[0], definitions.Select(t => t.Id)));
        }
        else if (parts.Length != 3)
        {
            why = new MessagePart("TableRefShape", parts[0]);
        }
        else if (definition.Rows.FirstOrDefault(r => !r.IsGroup && r.Id == parts[1]) is not { } row)
        {
            why = new MessagePart("TableRefRow", parts[0], parts[1], DidYouMean.Part(parts[1], definition.Rows.Where(r => !r.IsGroup).Select(r => r.Id!)));
        }
        else if (definition.ColumnsOf(row).All(c => c.Id != parts[2]))
        {
            why = new MessagePart("TableRefColumn", parts[0], parts[1], parts[2], DidYouMean.Part(parts[2], definition.ColumnsOf(row).Select(c => c.Id)));
        }

        if (why is not null)
        {
            diagnostics.Report(Descriptors.TableCellUnknown, span, reference, why);
            return null;
        }

        if (!tables.TryGetValue(parts[0], out var table) || (!table.Cells.ContainsKey((parts[1], parts[2])) && !table.Blanks.Contains((parts[1], parts[2]))))
        {
            // Not known yet (~) or left out with the table: shown as still to be filled in.
            pending = true;
            return MetricReferences.PendingText;
        }

        return table.Printed(parts[1], parts[2]);
    }
}
