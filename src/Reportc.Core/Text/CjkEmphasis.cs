using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Reportc.Text;

/// <summary>
/// Emphasis next to Chinese punctuation. reportc reads narrative with the CJK-friendly amendment of
/// CommonMark (Markdig's extension), so <c>**健全领导机制。**镇党委…</c> is bold in the HTML and the Word
/// output. Plain CommonMark (pandoc's gfm reader, markdown-it, GitHub) does not close that emphasis: the
/// <c>**</c> after 。 is followed by a letter. <see cref="ForCommonMark"/> writes the .md output so that
/// those readers see the same bold: the punctuation just inside a delimiter that plain CommonMark would
/// not take is moved just outside it (<c>**健全领导机制**。镇党委…</c>, <c>在“**枫桥经验**”基础上</c>),
/// as the run-in titles are written. The characters and their order are unchanged.
/// </summary>
public static class CjkEmphasis
{
    private static readonly MarkdownPipeline Parser = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCjkFriendlyEmphasis()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>The Markdown with each <c>*</c> emphasis made one that plain CommonMark reads as the CJK-friendly rule does.</summary>
    public static string ForCommonMark(string markdown)
    {
        if (!markdown.Contains('*', StringComparison.Ordinal))
        {
            return markdown;
        }

        // Each edit moves a run of punctuation across a delimiter: (delimiter start, delimiter length, run start, run length).
        var moves = new List<(int At, int Length, int RunStart, int RunLength)>();
        foreach (var emphasis in Markdown.Parse(markdown, Parser).Descendants<EmphasisInline>())
        {
            var n = emphasis.DelimiterCount;
            var open = emphasis.Span.Start;
            var close = emphasis.Span.End - n + 1;
            if (emphasis.DelimiterChar != '*' || n <= 0 || close - (open + n) <= 0 || close + n > markdown.Length
                || !IsDelimiter(markdown, open, n) || !IsDelimiter(markdown, close, n))
            {
                continue;
            }

            // The opener: punctuation right after it and a letter right before it; the punctuation goes before it.
            var openRun = 0;
            if (!LeftFlanking(markdown, open, n))
            {
                while (open + n + openRun < close && IsPunctuation(markdown[open + n + openRun]))
                {
                    openRun++;
                }
            }

            // The closer: punctuation right before it and a letter right after it; the punctuation goes after it.
            var closeRun = 0;
            if (!RightFlanking(markdown, close, n))
            {
                while (close - closeRun - 1 >= open + n + openRun && IsPunctuation(markdown[close - closeRun - 1]))
                {
                    closeRun++;
                }
            }

            // Emphasis of punctuation alone, or one whose content would start or end with a space, is left as written.
            var inner = markdown.AsSpan(open + n + openRun, close - closeRun - (open + n + openRun));
            if (inner.Length == 0 || IsWhite(inner[0]) || IsWhite(inner[^1]))
            {
                continue;
            }

            if (openRun > 0)
            {
                moves.Add((open, n, open + n, openRun));
            }

            if (closeRun > 0)
            {
                moves.Add((close, n, close - closeRun, closeRun));
            }
        }

        if (moves.Count == 0)
        {
            return markdown;
        }

        var text = new StringBuilder(markdown);
        foreach (var (at, length, runStart, runLength) in moves.OrderByDescending(m => Math.Min(m.At, m.RunStart)))
        {
            // Swapping the delimiter and the run: the run's characters stay in their order.
            var from = Math.Min(at, runStart);
            var delimiter = markdown.Substring(at, length);
            var run = markdown.Substring(runStart, runLength);
            text.Remove(from, length + runLength).Insert(from, runStart > at ? run + delimiter : delimiter + run);
        }

        return text.ToString();
    }

    /// <summary>
    /// The runs of two or more <c>*</c> that the narrative's reading (CJK-friendly) takes for no emphasis, so that
    /// they are printed as typed: where each is in <paramref name="markdown"/>. An escaped <c>\*</c> is meant.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Unmatched(string markdown)
    {
        if (!markdown.Contains("**", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var literal in Markdown.Parse(markdown, Parser).Descendants<LiteralInline>())
        {
            var end = Math.Min(markdown.Length, literal.Span.End + 1);
            for (var at = Math.Max(0, literal.Span.Start); at < end; at++)
            {
                if (markdown[at] != '*')
                {
                    continue;
                }

                var run = at;
                while (run < end && markdown[run] == '*')
                {
                    run++;
                }

                if (run - at >= 2 && (at == 0 || markdown[at - 1] != '\\'))
                {
                    yield return (at, run - at);
                }

                at = run;
            }
        }
    }

    private static bool IsDelimiter(string text, int at, int n) => at >= 0 && at + n <= text.Length && text.AsSpan(at, n).TrimStart('*').Length == 0;

    // CommonMark 6.2: a left-flanking run is not followed by white space, and either not followed by
    // punctuation or preceded by white space, punctuation or the start.
    private static bool LeftFlanking(string text, int at, int n)
    {
        var next = at + n < text.Length ? text[at + n] : ' ';
        var previous = at > 0 ? text[at - 1] : ' ';
        return !IsWhite(next) && (!IsPunctuation(next) || IsWhite(previous) || IsPunctuation(previous));
    }

    private static bool RightFlanking(string text, int at, int n)
    {
        var previous = at > 0 ? text[at - 1] : ' ';
        var next = at + n < text.Length ? text[at + n] : ' ';
        return !IsWhite(previous) && (!IsPunctuation(previous) || IsWhite(next) || IsPunctuation(next));
    }

    private static bool IsWhite(char c) => char.IsWhiteSpace(c);

    // CommonMark's Unicode punctuation: the P and S general categories.
    private static bool IsPunctuation(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };
}
