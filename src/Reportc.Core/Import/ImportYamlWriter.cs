using System.Globalization;
using System.Text;
using Reportc.Authoring;
using Reportc.Diagnostics;

namespace Reportc.Import;

/// <summary>Writes the recognised report as a report file, every guess marked with a comment.</summary>
internal static class ImportYamlWriter
{
    public static string Write(ImportedReport report, string sourceName, MessageText t)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# {t.Format("ImportHeader", sourceName)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"kind: {report.Kind.Id}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"year: {report.Year}");
        yaml.AppendLine();
        WriteDocument(yaml, report, t);
        if (report.Preamble.Count > 0)
        {
            yaml.AppendLine();
            yaml.Append("preamble:");
            Block(yaml, report.Preamble, 2);
        }

        if (report.Metrics.Count > 0)
        {
            yaml.AppendLine();
            yaml.AppendLine("metrics:");
            foreach (var metric in report.Metrics)
            {
                WriteMetric(yaml, metric, t);
            }
        }

        if (report.Tables.Count > 0)
        {
            yaml.AppendLine();
            yaml.AppendLine("tables:");
            foreach (var table in report.Tables)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  {table.Id}:");
                foreach (var (rowId, cells) in table.Rows)
                {
                    yaml.AppendLine(CultureInfo.InvariantCulture, $"    {rowId}: [{string.Join(", ", cells)}]");
                }
            }
        }

        yaml.AppendLine();
        yaml.AppendLine("sections:");
        foreach (var rule in report.Kind.Sections)
        {
            if (report.Sections.FirstOrDefault(s => s.Id == rule.Id) is not { } section)
            {
                continue;
            }

            foreach (var comment in section.Comments)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  # {comment}");
            }

            if (section.Heading is null && section.Points.Count == 0 && section.Subsections.Count == 0 && section.Paragraphs.Count == 1
                && section.Paragraphs[0].Length <= 40 && !section.Paragraphs[0].Contains("{{", StringComparison.Ordinal))
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  {section.Id}: {YamlText.Scalar(section.Paragraphs[0])}");
                continue;
            }

            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {section.Id}:");
            if (section.Heading is not null)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    heading: {YamlText.Scalar(section.Heading)}");
            }

            WriteBody(yaml, section, 4);
        }

        return yaml.ToString();
    }

    private static void WriteDocument(StringBuilder yaml, ImportedReport report, MessageText t)
    {
        yaml.AppendLine("document:");
        if (report.Issuers.Count == 0)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  # ? {t.Get("ImportIssuersGuess")}");
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"  issuers: {YamlText.List(report.Issuers.Count > 0 ? report.Issuers : ["TODO"])}");
        if (report.Number is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  number: {YamlText.Scalar(report.Number)}");
        }

        if (report.Signer is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  signer: {YamlText.Scalar(report.Signer)}");
        }

        if (report.TitleLines.Count == 1)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  title: {YamlText.Scalar(report.TitleLines[0])}");
        }
        else if (report.TitleLines.Count > 1)
        {
            yaml.AppendLine("  title: |");
            foreach (var line in report.TitleLines)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    {line}");
            }
        }

        if (report.To is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  to: {YamlText.Scalar(report.To)}");
        }

        if (report.Date is null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  # ? {t.Get("ImportDateGuess")}");
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"  date: {report.Date ?? $"{report.Year + 1}-01-20"}");
        if (report.Cc is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  cc: {YamlText.Scalar(report.Cc)}");
        }

        if (report.Printer is not null && report.PrintDate is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  printer: {YamlText.Scalar(report.Printer)}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  print_date: {YamlText.Scalar(report.PrintDate)}");
        }
    }

    private static void WriteMetric(StringBuilder yaml, ImportedMetric metric, MessageText t)
    {
        var comment = metric.Uses.Count > 1
            ? t.Format("ImportMetricTwice", metric.Uses[0].Line, metric.Uses[0].Words, metric.Uses[1].Line, metric.Uses[1].Words)
            : t.Format("ImportMetricFrom", metric.Uses[0].Line, metric.Uses[0].Words);
        if (metric.InCatalogue)
        {
            comment += "; " + t.Format("ImportCatalogue", metric.Label);
        }

        var value = metric.Value + (metric.Approximate ? "余" : "");
        var line = metric.InCatalogue
            ? $"  {metric.Id}: {(metric.Unit == "%" ? value + "%" : value + " " + metric.Unit)}"
            : $"  {metric.Id}: {{ value: {metric.Value}, {(metric.Approximate ? "approx: true, " : "")}unit: {YamlText.Scalar(metric.Unit)}, label: {FlowScalar(metric.Label)} }}";
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{line}   # {comment.Replace('\n', ' ')}");
    }

    // Inside { … } a comma or brace ends the value: such a label is quoted.
    private static string FlowScalar(string value) =>
        value.IndexOfAny([',', '{', '}', '[', ']']) >= 0 ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : YamlText.Scalar(value);

    private static void WriteBody(StringBuilder yaml, ImportedNode node, int indent)
    {
        var pad = new string(' ', indent);
        if (node.Paragraphs.Count > 0)
        {
            yaml.Append(pad).Append("text:");
            Block(yaml, node.Paragraphs, indent + 2);
        }

        if (node.Points.Count > 0)
        {
            yaml.Append(pad).AppendLine("points:");
            foreach (var point in node.Points)
            {
                if (point.Title is null)
                {
                    yaml.Append(pad).Append("  -");
                    Block(yaml, [point.Text], indent + 4);
                    continue;
                }

                yaml.Append(pad).AppendLine(CultureInfo.InvariantCulture, $"  - title: {YamlText.Scalar(point.Title)}");
                if (point.Text.Length > 0)
                {
                    yaml.Append(pad).Append("    text:");
                    Block(yaml, [point.Text], indent + 6);
                }
            }
        }

        if (node.Subsections.Count > 0)
        {
            yaml.Append(pad).AppendLine("subsections:");
            foreach (var sub in node.Subsections)
            {
                foreach (var comment in sub.Comments)
                {
                    yaml.Append(pad).AppendLine(CultureInfo.InvariantCulture, $"  # {comment}");
                }

                yaml.Append(pad).AppendLine(CultureInfo.InvariantCulture, $"  - title: {YamlText.Scalar(sub.Title ?? "")}");
                if (!sub.RunIn)
                {
                    yaml.Append(pad).AppendLine("    runin: false");
                }

                WriteBody(yaml, sub, indent + 4);
            }
        }
    }

    // A literal block, one Markdown paragraph a line, a blank line between paragraphs.
    private static void Block(StringBuilder yaml, IReadOnlyList<string> paragraphs, int indent)
    {
        yaml.AppendLine(" |");
        var pad = new string(' ', indent);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0)
            {
                yaml.AppendLine();
            }

            foreach (var line in paragraphs[i].Split('\n'))
            {
                var words = line.TrimStart(TableImport.Verbatim).TrimEnd();
                if (words.Length == 0)
                {
                    yaml.AppendLine();
                    continue;
                }

                yaml.Append(pad).AppendLine(words);
            }
        }
    }
}
