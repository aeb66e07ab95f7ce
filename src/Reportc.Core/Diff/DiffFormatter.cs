using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reportc.Text;

namespace Reportc.Diff;

/// <summary>Writes a <see cref="ReportDiff"/> as a terminal table, a Markdown table, or JSON.</summary>
public static class DiffFormatter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(ReportDiff diff, bool color, bool words, Diagnostics.MessageText? language = null)
    {
        var t = language ?? Diagnostics.MessageText.Chinese;
        var rows = Rows(diff, t);
        var header = new[] { t.Get("DiffMetric"), "id", t.Get("DiffUnit"), Year(diff.Old), Year(diff.New), t.Get("DiffChange"), t.Get("DiffPercent") };
        var widths = header.Select((h, i) => Math.Max(Width(h), rows.Select(r => Width(r.Cells[i])).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Line(header, widths));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var (kind, cells) in rows)
        {
            var line = Line(cells, widths);
            text.AppendLine(color ? Colour(kind, line) : line);
        }

        Sections(diff, text, words, markdown: false, t);
        TableDiffFormatter.Write(diff, text, markdown: false, t);
        return text.ToString();
    }

    public static string Markdown(ReportDiff diff, bool words, Diagnostics.MessageText? language = null)
    {
        var t = language ?? Diagnostics.MessageText.Chinese;
        var text = new StringBuilder();
        text.AppendLine($"| {t.Get("DiffMetric")} | id | {t.Get("DiffUnit")} | {Year(diff.Old)} | {Year(diff.New)} | {t.Get("DiffChange")} | {t.Get("DiffPercent")} |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var (_, cells) in Rows(diff, t))
        {
            text.AppendLine("| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        Sections(diff, text, words, markdown: true, t);
        TableDiffFormatter.Write(diff, text, markdown: true, t);
        return text.ToString();
    }

    public static string Json(ReportDiff diff)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            Number(json, "oldYear", diff.Old?.Year);
            Number(json, "newYear", diff.New?.Year);
            json.WriteStartArray("metrics");
            foreach (var m in diff.Metrics)
            {
                json.WriteStartObject();
                json.WriteString("id", m.Id);
                json.WriteString("label", m.Label);
                json.WriteString("change", Name(m.Kind));
                Str(json, "oldUnit", m.Old?.Unit);
                Str(json, "newUnit", m.New?.Unit);
                Number(json, "old", m.Old?.Value);
                Number(json, "new", m.New?.Value);
                Flag(json, "oldApprox", m.Old?.Approximate);
                Flag(json, "newApprox", m.New?.Approximate);
                Number(json, "delta", m.Delta);
                Number(json, "percent", m.Percent);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("sections");
            foreach (var s in diff.Sections)
            {
                json.WriteStartObject();
                json.WriteString("id", s.Id);
                json.WriteString("heading", s.Heading);
                json.WriteString("change", Name(s.Kind));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            TableDiffFormatter.Json(diff, json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static List<(ChangeKind Kind, string[] Cells)> Rows(ReportDiff diff, Diagnostics.MessageText t) =>
        [.. diff.Metrics.Where(m => m.Kind != ChangeKind.Unchanged).Concat(diff.Metrics.Where(m => m.Kind == ChangeKind.Unchanged)).Select(m => (m.Kind, new[]
        {
            m.Label,
            m.Id,
            m.Kind == ChangeKind.UnitChanged ? $"{m.Old!.Unit} → {m.New!.Unit}" : (m.New ?? m.Old)!.Unit,
            m.Old is null ? "—" : m.Old.NumberText + (m.Old.Approximate ? "余" : ""),
            m.New is null ? (m.NewPending ? "~" : "—") : m.New.NumberText + (m.New.Approximate ? "余" : ""),
            m.Kind switch
            {
                ChangeKind.Added => t.Get("DiffAdded"),
                ChangeKind.Removed => t.Get("DiffRemoved"),
                ChangeKind.Pending => t.Get("DiffPending"),
                ChangeKind.UnitChanged => t.Get("DiffUnitsDiffer"),
                _ => Signed(m.Delta!.Value, m.New!) + (m.New!.Kind == Model.MetricKind.Percent && m.Delta != 0 ? "个百分点" : ""),
            },
            m.Percent is { } p ? (p > 0 ? "+" : "") + p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "",
        }))];

    private static void Sections(ReportDiff diff, StringBuilder text, bool words, bool markdown, Diagnostics.MessageText t)
    {
        var changed = diff.Sections.Where(s => s.Kind != ChangeKind.Unchanged).ToList();
        text.AppendLine();
        text.AppendLine(changed.Count == 0 ? t.Get("DiffNoSectionChanges") : t.Get("DiffSections"));
        foreach (var s in changed)
        {
            var mark = s.Kind switch { ChangeKind.Added => t.Get("DiffAdded"), ChangeKind.Removed => t.Get("DiffRemoved"), _ => t.Get("DiffChanged") };
            text.AppendLine((markdown ? "- " : "  ") + t.Format("DiffSectionLine", mark, s.Heading, s.Id));
            if (words && s.Kind == ChangeKind.Changed)
            {
                foreach (var (old, @new) in Pair(s.Old, s.New))
                {
                    text.AppendLine($"{(markdown ? "  - " : "      ")}{WordDiff.Show(old, @new)}");
                }
            }
        }
    }

    // Changed paragraphs, paired in order after the common ones are set aside.
    private static IEnumerable<(string Old, string New)> Pair(IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        var gone = old.Where(p => !@new.Contains(p)).ToList();
        var come = @new.Where(p => !old.Contains(p)).ToList();
        for (var i = 0; i < Math.Max(gone.Count, come.Count); i++)
        {
            yield return (i < gone.Count ? gone[i] : "", i < come.Count ? come[i] : "");
        }
    }

    private static string Year(Model.Report? report) => report is null ? "—" : report.Year.ToString(CultureInfo.InvariantCulture);

    // A change is written like the values: amounts in 万元 with two decimals.
    private static string Signed(decimal value, Model.MetricValue? like = null) =>
        (value > 0 ? "+" : "") + (like is { Kind: Model.MetricKind.Money, Unit: "万元" or "亿元" }
            ? value.ToString("0.00", CultureInfo.InvariantCulture)
            : value.ToString("0.##########", CultureInfo.InvariantCulture));

    private static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.UnitChanged => "unit-changed",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Colour(ChangeKind kind, string line) => kind switch
    {
        ChangeKind.Added => $"\u001b[32m{line}\u001b[0m",
        ChangeKind.Removed => $"\u001b[31m{line}\u001b[0m",
        ChangeKind.Changed => $"\u001b[33m{line}\u001b[0m",
        ChangeKind.UnitChanged => $"\u001b[35m{line}\u001b[0m",
        _ => line,
    };

    // Columns line up on a terminal: a Chinese character takes two columns.
    private static int Width(string text) => CjkText.DisplayWidth(text);

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i is >= 3 ? new string(' ', widths[i] - Width(c)) + c : c + new string(' ', widths[i] - Width(c)))).TrimEnd();

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    // 余 of an approximate value (5200余): true, beside the number; null where that year has no value.
    private static void Flag(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } v)
        {
            json.WriteBoolean(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

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
