using System.Text;

namespace Reportc.Rendering;

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
    /// a Markdown block (lists, quotes, headings, tables) keep their line breaks.
    /// </summary>
    public static string JoinLines(string markdown)
    {
        if (!markdown.Contains('\n', StringComparison.Ordinal))
        {
            return markdown;
        }

        var lines = markdown.Split('\n');
        var result = new StringBuilder(markdown.Length);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            var fence = trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);
            if (i > 0)
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
