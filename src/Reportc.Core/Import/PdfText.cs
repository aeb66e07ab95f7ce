using System.Text;
using System.Text.RegularExpressions;

namespace Reportc.Import;

/// <summary>
/// The text pdftotext -layout gives: lines as printed. Page numbers (— 1 —) and form feeds go; a blank line or
/// a line indented deeper than the text's margin starts a paragraph; spaces between Chinese characters
/// (justified lines) go.
/// </summary>
internal static partial class PdfText
{
    public static SourceDocument Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\f', '\n').Split('\n')
            .Select(l => l.TrimEnd())
            .Select(l => PageNumber().IsMatch(l) ? "" : l)
            .ToList();
        var margin = lines.Where(l => l.Trim().Length > 20).Select(Indent).DefaultIfEmpty(0).Min();
        var blocks = new List<SourceBlock>();
        var paragraph = new StringBuilder();
        var start = 0;
        for (var i = 0; i <= lines.Count; i++)
        {
            var line = i < lines.Count ? lines[i] : "";
            // A line cut at the page's width goes on in the next, however that one is indented (a centred title).
            // A line ending in a closing quote or bracket goes on when the next, not indented, starts with a number: the
            // number and its unit were kept together on that next line (3.60万元 is never parted from its unit).
            var continues = paragraph.Length > 0 && Indent(line) <= margin + 1 + 8 && !StartsNumbered(line) && !StartsNumbered(paragraph.ToString())
                && (Full(lines[i - 1]) || (Indent(line) <= margin + 1 && line.Trim() is [>= '0' and <= '9', ..] && lines[i - 1].Trim() is [.., '”' or '）' or '’' or '》']));
            var newParagraph = line.Trim().Length == 0 || (Indent(line) > margin + 1 && !continues);
            if (newParagraph && paragraph.Length > 0)
            {
                blocks.Add(new SourceBlock(start, paragraph.ToString()));
                paragraph.Clear();
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (paragraph.Length == 0)
            {
                start = i + 1;
            }
            else if (!continues)
            {
                paragraph.Append('\n');
            }

            paragraph.Append(CjkSpace().Replace(line.Trim(), ""));
        }

        return new SourceDocument(path, blocks);
    }

    private static bool Full(string line)
    {
        var t = line.Trim();
        return t.Length >= 16 && !"。：:；;！？!?”）)".Contains(t[^1], StringComparison.Ordinal);
    }

    private static bool StartsNumbered(string line) => Heading.Numbered(line.Trim()) is not null;

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '\u3000').Length;

    [GeneratedRegex(@"^\s*[—–\-－]\s*[0-9]+\s*[—–\-－]\s*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF]) +(?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])")]
    private static partial Regex CjkSpace();
}
