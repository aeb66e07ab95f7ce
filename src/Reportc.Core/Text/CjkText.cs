using System.Text;

namespace Reportc.Text;

/// <summary>
/// Text rules for Chinese prose in Markdown: a line break between Chinese characters joins without a space
/// (Markdown would make it a space, which Chinese typesetting never has).
/// </summary>
public static class CjkText
{
    /// <summary>Columns the text takes on a terminal: a Chinese character two, others one.</summary>
    public static int DisplayWidth(string text) => text.Sum(c => IsWide(c) ? 2 : 1);

    /// <summary>True for Chinese characters, full-width forms and the punctuation of Chinese text.</summary>
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF'      // CJK radicals, symbols and punctuation, kana, CJK ideographs
        || c is >= '\uAC00' and <= '\uD7AF'   // Hangul
        || c is >= '\uF900' and <= '\uFAFF'   // compatibility ideographs
        || c is >= '\uFE30' and <= '\uFE4F'   // compatibility forms
        || c is >= '\uFF00' and <= '\uFFEF'   // full-width forms: ，：；（）
        || c is '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2014' or '\u2026' or '\u00B7' // ‘’“”—…·
        || char.IsSurrogate(c);               // ideographs outside the basic plane

    /// <summary>Sentence punctuation that closes a run-in title by itself.</summary>
    public static bool EndsWithStop(string text) =>
        text.Length > 0 && "。！？；：，、….!?;:,".Contains(text[^1], StringComparison.Ordinal);

    /// <summary>
    /// Joins the soft line breaks of each paragraph: without a space where a Chinese character stands on
    /// either side, with one space elsewhere. Blank lines, hard breaks, fenced code and lines that start
    /// a Markdown block (lists, quotes, headings, tables) keep their line breaks. Text pasted from Word
    /// keeps its paragraphs (<see cref="PastedBreaks"/>), and the full-width spaces typed or pasted before
    /// a paragraph (<c>　　</c>, the first-line indent of Word) are dropped: the layout indents it.
    /// </summary>
    public static string JoinLines(string markdown)
    {
        if (!markdown.Contains('\n', StringComparison.Ordinal))
        {
            return markdown.TrimStart(Ideographic);
        }

        var lines = markdown.Split('\n');
        var pasted = PastedBreaks(lines);
        var result = new StringBuilder(markdown.Length);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = inFence ? lines[i] : lines[i].TrimStart(Ideographic);
            var trimmed = line.TrimStart();
            var fence = trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);
            if (i > 0 && pasted[i])
            {
                while (result.Length > 0 && result[^1] is ' ' or '\t')
                {
                    result.Length--;
                }

                result.Append("\n\n");
            }
            else if (i > 0)
            {
                if (JoinsPrevious(lines[i - 1], trimmed, inFence || fence))
                {
                    while (result.Length > 0 && result[^1] is ' ' or '\t')
                    {
                        result.Length--;
                    }

                    result.Append(Joiner(lines[i - 1], trimmed));
                }
                else
                {
                    result.Append('\n');
                }
            }

            result.Append(i > 0 && result.Length > 0 && result[^1] != '\n' ? trimmed : line);
            if (fence)
            {
                inFence = !inFence;
            }
        }

        return result.ToString();
    }

    private const char Ideographic = '\u3000';

    /// <summary>Sentence ends: a line of Word text ends its paragraph with one (a closing quote or bracket may follow).</summary>
    private const string SentenceEnds = "。！？；：";

    /// <summary>
    /// Which line breaks of a text end a paragraph although no blank line stands there: text pasted from Word
    /// has one paragraph a line. A run of lines (between blank lines, outside code and Markdown blocks) is
    /// pasted text when every line but its last ends a sentence (。！？；：, a closing quote may follow) and
    /// at least one ends with 。！？; a line wrapped by hand ends mid-sentence somewhere (，、 or inside a
    /// word), and then the run is one paragraph. A line that starts with a full-width space (Word's
    /// first-line indent 　　) starts a paragraph too. <c>result[i]</c>: a paragraph starts at line i.
    /// </summary>
    public static bool[] PastedBreaks(IReadOnlyList<string> lines)
    {
        var breaks = new bool[lines.Count];
        var inFence = false;
        var runStart = -1;
        for (var i = 0; i <= lines.Count; i++)
        {
            var line = i < lines.Count ? lines[i] : "";
            var trimmed = line.TrimStart();
            var fence = trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);
            var plain = !inFence && !fence && trimmed.Length > 0 && !StartsBlock(trimmed);
            if (i > 0 && i < lines.Count && plain && line.StartsWith(Ideographic) && lines[i - 1].Trim().Length > 0)
            {
                breaks[i] = true;
            }

            if (plain && runStart < 0)
            {
                runStart = i;
            }
            else if (!plain && runStart >= 0)
            {
                MarkRun(runStart, i);
                runStart = -1;
            }

            if (fence)
            {
                inFence = !inFence;
            }
        }

        return breaks;

        void MarkRun(int start, int end)
        {
            var fullStop = false;
            for (var i = start; i < end - 1; i++)
            {
                var ending = SentenceEnd(lines[i]);
                if (ending == '\0')
                {
                    return;
                }

                fullStop |= ending is '。' or '！' or '？';
            }

            for (var i = start + 1; i < end && fullStop; i++)
            {
                breaks[i] = true;
            }
        }
    }

    /// <summary>Where each paragraph of a narrative's text starts: after blank lines and at the breaks of pasted text.</summary>
    public static IEnumerable<int> ParagraphStarts(string text)
    {
        var lines = text.Split('\n');
        var pasted = PastedBreaks(lines);
        var offset = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0 && (i == 0 || pasted[i] || lines[i - 1].Trim().Length == 0))
            {
                yield return offset;
            }

            offset += lines[i].Length + 1;
        }
    }

    // The sentence end a line ends with (after any closing quotes and brackets), or '\0'.
    private static char SentenceEnd(string line)
    {
        var end = line.AsSpan().TrimEnd().TrimEnd("”’」』）)】》");
        return end.Length > 0 && SentenceEnds.Contains(end[^1], StringComparison.Ordinal) ? end[^1] : '\0';
    }

    /// <summary>Markdown output must not carry the user's raw HTML as markup either: <c>&lt;tag</c> becomes <c>\&lt;tag</c>.</summary>
    public static string EscapeRawHtml(string markdown)
    {
        if (!markdown.Contains('<', StringComparison.Ordinal))
        {
            return markdown;
        }

        var result = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '<' && i + 1 < markdown.Length && (char.IsAsciiLetter(markdown[i + 1]) || markdown[i + 1] is '/' or '!' or '?')
                && (i == 0 || markdown[i - 1] != '\\'))
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>Splits Markdown into its blank-line-separated chunks (fenced code kept whole).</summary>
    public static List<string> Paragraphs(string markdown)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        Flush();
        return chunks;

        void Flush()
        {
            var chunk = current.ToString();
            if (chunk.AsSpan().Trim().Length > 0)
            {
                chunks.Add(chunk.TrimEnd());
            }

            current.Clear();
        }
    }

    private static bool JoinsPrevious(string previous, string trimmed, bool fenced)
    {
        if (fenced || previous.Trim().Length == 0 || trimmed.Length == 0)
        {
            return false;
        }

        if (previous.EndsWith("  ", StringComparison.Ordinal) || previous.EndsWith('\\') || previous.TrimEnd().EndsWith('|'))
        {
            return false;
        }

        return !StartsBlock(trimmed);
    }

    private static string Joiner(string previous, string next)
    {
        var last = previous.TrimEnd();
        return last.Length > 0 && (IsWide(last[^1]) || IsWide(next[0])) ? "" : " ";
    }

    private static bool StartsBlock(string line)
    {
        if (line[0] is '#' or '>' or '|')
        {
            return true;
        }

        if (line.Length > 1 && line[0] is '-' or '*' or '+' && line[1] == ' ')
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 10 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ';
    }
}
