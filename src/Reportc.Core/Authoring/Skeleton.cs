using System.Globalization;
using System.Text;
using Reportc.Kinds;

namespace Reportc.Authoring;

/// <summary>A fresh report file of a kind (<c>reportc new --kind KIND</c>): every section, TODO to fill in.</summary>
public static class Skeleton
{
    public static string Write(ReportKind kind, int year, string schemaFile, Diagnostics.MessageText? text = null)
    {
        var t = text ?? Diagnostics.MessageText.English;
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# yaml-language-server: $schema={schemaFile}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# {t.Format("SkeletonHeader", kind.Name)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"kind: {kind.Id}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"year: {year}");
        yaml.AppendLine();
        yaml.AppendLine("document:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  issuers: [TODO 发文机关]          # {t.Get("SkeletonLeadFirst")}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  number: TODO〔{year + 1}〕1号          # {t.Get("SkeletonNumber")}");
        yaml.AppendLine("  title: |");
        yaml.AppendLine("    " + SectionRule.FillYear(kind.DefaultTitle ?? "{year}年" + kind.Name, year));
        var (month, day) = kind.Deadline ?? (1, 20);
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  date: {year + 1}-{Math.Max(1, month - 1):D2}-{Math.Min(day, 28):D2}             # 成文日期");
        yaml.AppendLine();
        yaml.AppendLine("preamble: |");
        yaml.AppendLine("  " + NextYear.Todo);
        yaml.AppendLine();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"metrics:                            # {t.Get("SkeletonMetrics")}");
        foreach (var metric in kind.Metrics.Values.Where(m => m.Required).OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {metric.Id}: ~   # {metric.Label}（{metric.Unit}）");
        }

        yaml.AppendLine();
        WriteTables(yaml, kind, last: null, t);
        yaml.AppendLine("sections:");
        foreach (var section in kind.Sections)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {section.Id}:{(section.Required ? "" : "   # " + t.Get("SkeletonOptional"))}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    # {section.HeadingFor(year)}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    text: {NextYear.Todo}");
        }

        return yaml.ToString();
    }

    /// <summary>
    /// The kind's tables, every cell "~" (to be filled in), each row with its columns named in a comment
    /// and, given last year's report, last year's numbers too.
    /// </summary>
    internal static void WriteTables(StringBuilder yaml, ReportKind kind, Model.Report? last, Diagnostics.MessageText t)
    {
        if (kind.Tables.Count == 0)
        {
            return;
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"tables:                             # {t.Get("SkeletonTables")}");
        foreach (var table in kind.Tables)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {table.Id}:                         # {table.Caption}");
            var before = last?.Tables.GetValueOrDefault(table.Id);
            foreach (var row in table.Rows.Where(r => !r.IsGroup && !table.IsComputedRow(r.Id!)))
            {
                var columns = table.ColumnsOf(row).Where(c => !table.IsComputedColumn(c.Id)).ToList();
                var lastYear = before is null ? "" : t.Get("SkeletonLastYear") + string.Join(", ", columns.Select(c =>
                    before.Cells.TryGetValue((row.Id!, c.Id), out var v) ? v.ToString(CultureInfo.InvariantCulture) : "—"));
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    {row.Id}: [{string.Join(", ", columns.Select(_ => "~"))}]   # {row.Label}: {string.Join("、", columns.Select(c => c.Label))}{lastYear}");
            }
        }

        yaml.AppendLine();
    }
}
