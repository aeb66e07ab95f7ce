using System.Text;
using System.Text.RegularExpressions;

namespace Reportc.Import;

/// <summary>
/// The text pdftotext -layout gives: lines as printed. Page numbers (— 1 —) and form feeds go; a blank line or
/// a line indented deeper than the text's margin starts a paragraph; spaces between Chinese characters
/// (justified lines) go, and so does the one a word processor prints between a number and a Chinese character. Tables are found by their rows: lines ending in numbers set apart by spaces (规章   0   0   0,
/// 1 0 0 0 1 0 …), with the header lines above the first such row and every line between two of them (labels
/// cut in two, group labels printed down the left); each line is a row of the table block, a row's label as its
/// first cell and its numbers after it.
/// </summary>
internal static partial class PdfText
{
    public static SourceDocument Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\f', '\n').Split('\n')
            .Select(l => l.TrimEnd())
            .Select(l => PageNumber().IsMatch(l) ? "" : l)
            .ToList();
        var margin = lines.Where(l => l.Trim().Length > 20 && Cells(l) is null).Select(Indent).DefaultIfEmpty(0).Min();
        var tables = Tables(lines, margin);
        // Where the text's lines end: a line ending well short of it (a centred title's line) is no line cut at the width.
        var ends = lines.Where(l => l.Trim().Length > 20 && Cells(l) is null).Select(l => l.Length).Order().ToList();
        var width = ends.Count == 0 ? 0 : ends[ends.Count / 2];
        var blocks = new List<SourceBlock>();
        var paragraph = new StringBuilder();
        var start = 0;
        for (var i = 0; i <= lines.Count; i++)
        {
            if (tables.TryGetValue(i, out var end))
            {
                if (paragraph.Length > 0)
                {
                    blocks.Add(new SourceBlock(start, paragraph.ToString()));
                    paragraph.Clear();
                }

                var rows = lines[i..(end + 1)].Where(l => l.Trim().Length > 0)
                    .Select(l => Cells(l) ?? (IReadOnlyList<string>)[CjkSpace().Replace(Gap().Replace(l.Trim(), " "), "")]).ToList();
                blocks.Add(new SourceBlock(i + 1, "", 0, rows));
                i = end;
                continue;
            }

            var line = i < lines.Count ? lines[i] : "";
            // A line cut at the page's width goes on in the next, however that one is indented (a centred title).
            // A line ending in a closing quote or bracket goes on when the next, not indented, starts with a number: the
            // number and its unit were kept together on that next line (3.60万元 is never parted from its unit).
            var continues = paragraph.Length > 0 && Indent(line) <= margin + 1 + 8 && !StartsNumbered(line) && !StartsNumbered(paragraph.ToString())
                && (Full(lines[i - 1], width) || (Indent(line) <= margin + 1 && line.Trim() is [>= '0' and <= '9', ..] && lines[i - 1].Trim() is [.., '”' or '）' or '’' or '》']));
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

            paragraph.Append(DigitSpace().Replace(CjkSpace().Replace(line.Trim(), ""), ""));
        }

        return new SourceDocument(path, blocks);
    }

    /// <summary>
    /// The tables of the text: the first line and last line of each. A table holds its rows (lines ending in numbers),
    /// the lines between them, and the header lines above the first: up to a blank line, a sentence's end (见下表。)
    /// or a heading. A sentence's end or a heading of the text (四、政府信息公开行政复议… at a paragraph's indent)
    /// between two rows ends a table.
    /// </summary>
    private static Dictionary<int, int> Tables(List<string> lines, int margin)
    {
        var tables = new Dictionary<int, int>();
        var i = 0;
        while (i < lines.Count)
        {
            if (Cells(lines[i]) is null)
            {
                i++;
                continue;
            }

            var first = i;
            while (first > 0 && lines[first - 1].Trim().Length > 0 && !EndsText(lines[first - 1], margin)
                && !(Heading.Numbered(lines[first - 1].Trim()) is not null && !Gap().IsMatch(lines[first - 1].Trim())))
            {
                first--;
            }

            var last = i;
            for (var j = i + 1; j < lines.Count && !EndsText(lines[j], margin); j++)
            {
                if (Cells(lines[j]) is not null)
                {
                    last = j;
                }
            }

            tables[first] = last;
            i = last + 1;
        }

        return tables;
    }

    // A line of the text, not of a table: the end of a sentence, or a section heading at a paragraph's indent.
    private static bool EndsText(string line, int margin)
    {
        var t = line.Trim();
        return Cells(line) is null && t.Length > 0 && !Gap().IsMatch(t)
            && ("。！？!?；;：:".Contains(t[^1], StringComparison.Ordinal)
                || (Indent(line) > margin && Heading.Numbered(t) is { Depth: 0, After.Length: >= 4 }));
    }

    /// <summary>
    /// A row of a table: a line ending in numbers set apart by spaces (two or more, or one three spaces or more
    /// after its label), as its label and its numbers; null for any other line.
    /// </summary>
    internal static IReadOnlyList<string>? Cells(string line)
    {
        // A row is short: a long line is text (and the pattern is never run over one).
        if (line.Trim() is not { Length: <= 400 } t || Row().Match(t) is not { Success: true } m)
        {
            return null;
        }

        var label = m.Groups["label"].Value;
        var numbers = m.Groups["numbers"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var gap = m.Groups["gap"].Length;
        if (label.Length == 0 ? numbers.Length < 2 : numbers.Length == 1 ? gap < 3 : gap < 1)
        {
            return null;
        }

        return [CjkSpace().Replace(Gap().Replace(label, " "), ""), .. numbers];
    }

    private static bool Full(string line, int width)
    {
        var t = line.Trim();
        return t.Length >= 16 && line.Length >= 0.8 * width && !"。：:；;！？!?”）)".Contains(t[^1], StringComparison.Ordinal);
    }

    private static bool StartsNumbered(string line) => Heading.Numbered(line.Trim()) is not null;

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '\u3000').Length;

    [GeneratedRegex(@"^(?<label>.*?)(?<gap>^|\s+)(?<numbers>[0-9]+(?:\.[0-9]+)?(?:\s+[0-9]+(?:\.[0-9]+)?)*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Gap();

    [GeneratedRegex(@"^\s*[—–\-－]\s*[0-9]+\s*[—–\-－]\s*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF]) +(?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])")]
    private static partial Regex CjkSpace();

    // The space a word processor prints between a number and a Chinese character (LibreOffice: 2024 年 1 月): not typed.
    [GeneratedRegex(@"(?<=[0-9]) (?=\p{IsCJKUnifiedIdeographs})|(?<=\p{IsCJKUnifiedIdeographs}) (?=[0-9])")]
    private static partial Regex DigitSpace();
}
