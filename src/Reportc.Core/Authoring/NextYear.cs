using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reportc.Kinds;
using Reportc.Model;

namespace Reportc.Authoring;

/// <summary>
/// Writes next year's report file from this year's (<c>reportc new 2025 --from 2024.yaml</c>): the same
/// structure and document, the year and dates moved on, this file named as <c>previous</c>, every metric
/// emptied with last year's value beside it as a comment, and TODO where the narrative goes (last year's text
/// above it as comments), or, with <c>keepText</c>, last year's text itself with its years moved on.
/// </summary>
public static partial class NextYear
{
    public const string Todo = "TODO";

    public static string Write(Report last, int year, string previousPath, string? schemaLine, Diagnostics.MessageText? text = null, bool keepText = false)
    {
        var t = text ?? Diagnostics.MessageText.English;
        var shift = year - last.Year;
        var narrative = new NarrativeWriter(keepText, last.Year, shift);
        var yaml = new StringBuilder();
        if (schemaLine is not null)
        {
            yaml.AppendLine(schemaLine);
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"# {t.Format(keepText ? "NewFromHeaderKept" : "NewFromHeader", year, Path.GetFileName(previousPath))}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"kind: {last.Kind.Id}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"year: {year}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"previous: {YamlText.Scalar(previousPath)}");
        yaml.AppendLine();
        WriteDocument(yaml, last, shift, t);
        yaml.AppendLine();
        if (last.Preamble is not null)
        {
            narrative.Text(yaml, "", "preamble", last.Preamble);
            yaml.AppendLine();
        }

        WriteMetrics(yaml, last.Metrics, last.Kind);
        Skeleton.WriteTables(yaml, last.Kind, last, t);
        yaml.AppendLine("sections:");
        foreach (var section in last.Sections)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {section.Rule.Id}:");
            if (section.Heading is not null)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    heading: {YamlText.Scalar(narrative.Words(section.Heading.Text))}");
            }

            WriteBody(yaml, section.Body, "    ", narrative);
        }

        return yaml.ToString();
    }

    private static void WriteDocument(StringBuilder yaml, Report last, int shift, Diagnostics.MessageText t)
    {
        var doc = last.Document;
        yaml.AppendLine("document:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  issuers: {YamlText.List(doc.Issuers)}");
        if (doc.Number.Length > 0)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  number: {YamlText.Scalar(YearInBrackets().Replace(doc.Number, m => $"〔{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + shift}〕"))}   # {t.Get("NewCheckSerial")}");
        }

        if (doc.Signer is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  signer: {YamlText.Scalar(doc.Signer)}");
        }

        if (doc.Masthead.Count > 0)
        {
            var masthead = doc.Masthead.SequenceEqual(doc.Issuers) ? (doc.MastheadSuffix.Length > 0 ? doc.MastheadSuffix : "true")
                : doc.Masthead.Count == 1 ? YamlText.Scalar(doc.Masthead[0])
                : YamlText.List(doc.Masthead);
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  masthead: {masthead}");
        }

        if (doc.Seal)
        {
            yaml.AppendLine(doc.SealFile.Length > 0 ? $"  seal: {YamlText.Scalar(doc.SealFile)}" : "  seal: true");
        }

        yaml.AppendLine("  title: |");
        foreach (var line in doc.TitleLines)
        {
            yaml.AppendLine("    " + line.Replace((last.Year).ToString(CultureInfo.InvariantCulture), (last.Year + shift).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (doc.To is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  to: {YamlText.Scalar(doc.To)}");
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"  date: {Date(doc.Date.AddYears(shift))}   # {t.Get("NewCheckDate")}");
        if (doc.Cc is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  cc: {YamlText.Scalar(doc.Cc)}");
        }

        if (doc.Printer is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  printer: {YamlText.Scalar(doc.Printer)}");
        }

        if (doc.PrintDate is { } printed)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  print_date: {Date(printed.AddYears(shift))}");
        }
    }

    private static void WriteMetrics(StringBuilder yaml, IReadOnlyList<MetricValue> metrics, ReportKind kind)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        yaml.AppendLine("metrics:");
        var width = metrics.Max(m => m.Id.Length) + 2;
        foreach (var m in metrics)
        {
            var key = (m.Id + ":").PadRight(width);
            var last = $"上年：{m.NumberText}{(m.Approximate ? "余" : "")}{(m.Unit == "%" ? "" : " ")}{m.Unit}";
            if (kind.Metrics.TryGetValue(m.Id, out var known) && known.Unit == m.Unit && known.Label == m.Label)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  {key} ~   # {last}");
            }
            else
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  {key} {{ value: ~, unit: {YamlText.Scalar(m.Unit)}, label: {YamlText.Scalar(m.Label)} }}   # {last}");
            }
        }

        yaml.AppendLine();
    }

    private static void WriteBody(StringBuilder yaml, Body body, string indent, NarrativeWriter narrative)
    {
        if (body.Points.Count == 0 && body.Subsections.Count == 0 && body.Leads.Count == 0)
        {
            narrative.Text(yaml, indent, "text", body.Text);
            return;
        }

        if (body.Text is not null)
        {
            narrative.Text(yaml, indent, "text", body.Text);
        }

        if (body.Leads.Count > 0)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}leads:");
            foreach (var lead in body.Leads)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}  - title: {YamlText.Scalar(narrative.Words(lead.Title.Text))}");
                narrative.Text(yaml, indent + "    ", "text", lead.Text);
            }
        }

        if (body.Points.Count > 0)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}points:");
            foreach (var point in body.Points)
            {
                if (point.Title is null)
                {
                    narrative.Text(yaml, indent + "  ", "-", point.Text);
                }
                else
                {
                    yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}  - title: {YamlText.Scalar(narrative.Words(point.Title.Text))}");
                    if (point.Text is not null || !narrative.KeepText)
                    {
                        narrative.Text(yaml, indent + "    ", "text", point.Text);
                    }
                }
            }
        }

        if (body.Subsections.Count > 0)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}subsections:");
            foreach (var sub in body.Subsections)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}  - title: {YamlText.Scalar(narrative.Words(sub.Title.Text))}");
                if (!sub.RunIn)
                {
                    yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}    runin: false");
                }

                WriteBody(yaml, sub.Body, indent + "    ", narrative);
            }
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"〔([0-9]{4})〕")]
    private static partial Regex YearInBrackets();
}
