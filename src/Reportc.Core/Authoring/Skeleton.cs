using System.Globalization;
using System.Text;
using Reportc.Kinds;

namespace Reportc.Authoring;

/// <summary>A fresh report file of a kind (<c>reportc new --kind KIND</c>): every section, TODO to fill in.</summary>
public static class Skeleton
{
    public static string Write(ReportKind kind, int year, string schemaFile)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# yaml-language-server: $schema={schemaFile}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# {kind.Name}: written by reportc new. Fill in every TODO; optional sections may be deleted.");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"kind: {kind.Id}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"year: {year}");
        yaml.AppendLine();
        yaml.AppendLine("document:");
        yaml.AppendLine("  issuers: [TODO 发文机关]          # lead organ first");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  number: TODO〔{year + 1}〕1号          # 发文字号 (optional)");
        yaml.AppendLine("  title: |");
        yaml.AppendLine("    " + SectionRule.FillYear(kind.DefaultTitle ?? "{year}年" + kind.Name, year));
        var (month, day) = kind.Deadline ?? (1, 20);
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  date: {year + 1}-{Math.Max(1, month - 1):D2}-{Math.Min(day, 28):D2}             # 成文日期");
        yaml.AppendLine();
        yaml.AppendLine("preamble: |");
        yaml.AppendLine("  " + NextYear.Todo);
        yaml.AppendLine();
        yaml.AppendLine("metrics:                            # one a line: id: value unit (see the kind's catalogue)");
        foreach (var metric in kind.Metrics.Values.Where(m => m.Required).OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {metric.Id}: ~   # {metric.Label}（{metric.Unit}）");
        }

        yaml.AppendLine();
        yaml.AppendLine("sections:");
        foreach (var section in kind.Sections)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {section.Id}:{(section.Required ? "" : "   # optional")}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    # {section.HeadingFor(year)}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    text: {NextYear.Todo}");
        }

        return yaml.ToString();
    }
}
