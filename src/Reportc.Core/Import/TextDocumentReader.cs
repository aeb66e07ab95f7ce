using System.Text;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Loading;

namespace Reportc.Import;

/// <summary>
/// Reads a .txt or .md file (UTF-8, UTF-16 with a byte order mark or GB18030, as report files are read):
/// paragraphs are separated by blank lines; the lines of one paragraph are kept (joined or not by the
/// recogniser); Markdown headings give their level, other Markdown stays as it is.
/// </summary>
internal static partial class TextDocumentReader
{
    public static SourceDocument? Read(string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        var source = SourceText.Decode(path, bytes, diagnostics);
        return source is null ? null : Parse(path, source.Text);
    }

    public static SourceDocument Parse(string path, string text)
    {
        var blocks = new List<SourceBlock>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var paragraph = new StringBuilder();
        var start = 0;
        List<IReadOnlyList<string>>? table = null;
        var tableStart = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].TrimEnd() : "";

            // A Markdown pipe table: one row a line, the |---| line under the header skipped.
            if (i < lines.Length && line.TrimStart().StartsWith('|'))
            {
                if (paragraph.Length > 0)
                {
                    blocks.Add(new SourceBlock(start, paragraph.ToString()));
                    paragraph.Clear();
                }

                if (table is null)
                {
                    table = [];
                    tableStart = i + 1;
                }

                if (!TableRule().IsMatch(line))
                {
                    table.Add(Cells(line));
                }

                continue;
            }

            if (table is not null)
            {
                blocks.Add(new SourceBlock(tableStart, "", 0, table));
                table = null;
            }

            if (i < lines.Length && line.Trim().Length > 0 && !IsRule(line) && !IsHeading(line))
            {
                if (paragraph.Length == 0)
                {
                    start = i + 1;
                }
                else
                {
                    paragraph.Append('\n');
                }

                paragraph.Append(line.TrimStart(' ', '\t', '\uFEFF'));
                continue;
            }

            if (paragraph.Length > 0)
            {
                blocks.Add(new SourceBlock(start, paragraph.ToString()));
                paragraph.Clear();
            }

            if (i < lines.Length && Heading().Match(line) is { Success: true } heading)
            {
                blocks.Add(new SourceBlock(i + 1, heading.Groups[2].Value.Trim(), heading.Groups[1].Length));
            }
        }

        return new SourceDocument(path, blocks);
    }

    private static List<string> Cells(string line)
    {
        var cells = line.Trim().Trim('|').Replace("\\|", "\u0002", StringComparison.Ordinal).Split('|');
        return [.. cells.Select(c => c.Replace('\u0002', '|').Trim())];
    }

    [GeneratedRegex(@"^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?$")]
    private static partial Regex TableRule();

    // "---" between the signature and the 版记 in reportc's own Markdown, and page rules.
    private static bool IsRule(string line) => line.Trim() is { Length: >= 3 } t && t.All(c => c is '-' or '*' or '_' or '—' or '=');

    private static bool IsHeading(string line) => Heading().IsMatch(line);

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();
}
