using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reportc.Model;

namespace Reportc.Authoring;

/// <summary>
/// Writes one text of next year's file: TODO with last year's text above it as comments, or (keep text) last
/// year's text itself, its years moved on: the report year (2024年 → 2025年) and the year after it, which the
/// plans name (2025年 → 2026年); earlier years (2021年以来), references ({{fines}}, {{year}}) and every other
/// number stay as written.
/// </summary>
internal sealed partial class NarrativeWriter(bool keepText, int lastYear, int shift)
{
    public bool KeepText => keepText;

    /// <summary>Writes <c>key: TODO</c> (or <c>- TODO</c>) or the kept text as a block scalar.</summary>
    public void Text(StringBuilder yaml, string indent, string key, Narrative? text)
    {
        var lead = key == "-" ? $"{indent}- " : $"{indent}{key}: ";
        if (!keepText || text is null || text.Text.Trim().Length == 0)
        {
            LastYear(yaml, indent, text);
            yaml.AppendLine(key == "preamble" ? $"{lead}|\n{indent}  {NextYear.Todo}" : lead + NextYear.Todo);
            return;
        }

        var lines = Words(text.Text).TrimEnd('\n').Split('\n');
        yaml.AppendLine(lead + "|");
        var inner = indent + "  ";
        foreach (var line in lines)
        {
            yaml.AppendLine(line.Length == 0 ? "" : inner + line);
        }
    }

    /// <summary>The words with the report year and the year after it moved on (keep text), else as they are.</summary>
    public string Words(string text) => !keepText || shift == 0 ? text : Year().Replace(text, m =>
    {
        var named = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        return named == lastYear || named == lastYear + 1
            ? (named + shift).ToString(CultureInfo.InvariantCulture) + m.Groups["rest"].Value
            : m.Value;
    });

    // Last year's text above its TODO, as comments: the clerk writes this year's from it.
    private static void LastYear(StringBuilder yaml, string indent, Narrative? text)
    {
        if (text is null || text.Text.Trim().Length == 0)
        {
            return;
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}# 上年：");
        foreach (var line in text.Text.Split('\n'))
        {
            yaml.AppendLine((indent + "#   " + line).TrimEnd());
        }
    }

    // A year as a year: 2024年, 2024年度, not a part of a longer number nor a 发文字号's 〔2024〕.
    [GeneratedRegex(@"(?<![0-9])(?<year>(?:19|20)[0-9]{2})(?<rest>年)")]
    private static partial Regex Year();
}
