using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Reportc.Diff;

/// <summary>
/// The tables' part of a diff: in text and Markdown the cells that changed, each by table, row and column
/// label with its reference path; in JSON every cell, its values as the table prints them (strings: exactly as
/// typed, "" for a blank). Nothing for a kind without tables.
/// </summary>
internal static class TableDiffFormatter
{
    public static void Write(ReportDiff diff, StringBuilder text, bool markdown, Diagnostics.MessageText t)
    {
        if (diff.Tables.Count == 0)
        {
            return;
        }

        var changed = diff.Tables.Where(c => c.Kind != ChangeKind.Unchanged).ToList();
        text.AppendLine();
        text.AppendLine(changed.Count == 0 ? t.Get("DiffNoTableChanges") : t.Get("DiffTables"));
        if (changed.Count == 0)
        {
            return;
        }

        if (markdown)
        {
            text.AppendLine();
            text.AppendLine($"| {t.Get("DiffTable")} | {t.Get("DiffRow")} | {t.Get("DiffColumn")} | {Year(diff.Old)} | {Year(diff.New)} | {t.Get("DiffChange")} | {t.Get("DiffPath")} |");
            text.AppendLine("|---|---|---|---:|---:|---:|---|");
            foreach (var c in changed)
            {
                text.AppendLine("| " + string.Join(" | ", new[] { c.Caption, c.RowLabel, c.ColumnLabel, Show(c.Old, t), Show(c.New, t), Change(c, t), $"`{c.Path}`" }.Select(x => x.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
            }

            return;
        }

        foreach (var table in changed.GroupBy(c => (c.Table, c.Caption)))
        {
            text.AppendLine($"  {table.Key.Caption}（{table.Key.Table}）");
            foreach (var c in table)
            {
                text.AppendLine($"    {c.Where}：{Show(c.Old, t)} → {Show(c.New, t)}（{Change(c, t)}）  {c.Path}");
            }
        }
    }

    public static void Json(ReportDiff diff, Utf8JsonWriter json)
    {
        if (diff.Tables.Count == 0)
        {
            return;
        }

        json.WriteStartArray("tables");
        foreach (var c in diff.Tables)
        {
            json.WriteStartObject();
            json.WriteString("table", c.Table);
            json.WriteString("caption", c.Caption);
            json.WriteString("row", c.Row);
            json.WriteString("rowLabel", c.RowLabel);
            json.WriteString("column", c.Column);
            json.WriteString("columnLabel", c.ColumnLabel);
            json.WriteString("change", c.Kind.ToString().ToLowerInvariant());
            Str(json, "old", c.Old);
            Str(json, "new", c.New);
            Str(json, "delta", c.Delta is { } d ? Signed(d) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Show(string? value, Diagnostics.MessageText t) => value is null ? "—" : value.Length == 0 ? t.Get("DiffBlank") : value;

    private static string Change(TableCellChange c, Diagnostics.MessageText t) => c.Kind switch
    {
        ChangeKind.Added => t.Get("DiffAdded"),
        ChangeKind.Removed => t.Get("DiffRemoved"),
        _ => c.Delta is { } d ? Signed(d) : t.Get("DiffChanged"),
    };

    private static string Signed(decimal value) => (value > 0 ? "+" : "") + value.ToString(CultureInfo.InvariantCulture);

    private static string Year(Model.Report? report) => report is null ? "—" : report.Year.ToString(CultureInfo.InvariantCulture);

    private static void Str(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
