using System.Globalization;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Model;
using Reportc.Rendering;
using Reportc.Text;

namespace Reportc.Checks;

/// <summary>
/// Checks of the prose as typed: numbering typed by hand, half-width punctuation and traditional characters
/// inside Chinese text, and numbers typed into the text that a metric already holds.
/// </summary>
internal static partial class TextChecks
{
    private static readonly Dictionary<char, char> FullWidth = new() { [','] = '，', [':'] = '：', [';'] = '；', ['('] = '（', [')'] = '）' };

    // Every character the per-character checks look at, as a table indexed by the character: most text
    // is neither, and one array read answers (a search over ~500 CJK characters cannot be vectorised well).
    private static readonly bool[] Suspect = SuspectTable();

    public static void Run(Report report, DiagnosticBag diagnostics)
    {
        foreach (var (_, span, name) in report.PendingMetrics)
        {
            diagnostics.Report(Descriptors.PendingMetric, span, name);
        }

        var byValue = report.Metrics
            .GroupBy(m => m.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Id, StringComparer.Ordinal).First());
        foreach (var narrative in Narratives.All(report))
        {
            var text = narrative.Text;
            var skip = Protected(text);
            var numbering = CheckNumbering(narrative, diagnostics);
            CheckHeadings(narrative, diagnostics);
            for (var todo = text.IndexOf("TODO", StringComparison.Ordinal); todo >= 0; todo = text.IndexOf("TODO", todo + 4, StringComparison.Ordinal))
            {
                diagnostics.Report(Descriptors.TodoInText, narrative.SpanOf(todo, 4));
            }

            CheckCharacters(narrative, skip, diagnostics);
            foreach (Match number in TypedNumber().Matches(text))
            {
                if (!skip[number.Index] && !DateOrOrdinal(text, number) && !numbering.Contains(number.Index)
                    && decimal.TryParse(number.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                    && value != report.Year && value != report.Year + 1
                    && byValue.TryGetValue(value, out var metric))
                {
                    diagnostics.Report(Descriptors.NumberTypedInText, narrative.SpanOf(number.Index, number.Length), number.Value, metric.Id, metric.Text);
                }
            }
        }

        // 主送, 抄送, issuers, 签发人, 印发机关: the same punctuation and characters as the text.
        foreach (var field in report.Document.Texts)
        {
            CheckCharacters(field, Protected(field.Text), diagnostics);
        }
    }

    private static void CheckCharacters(Narrative narrative, bool[] skip, DiagnosticBag diagnostics)
    {
        var text = narrative.Text;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Suspect[text[i]] || skip[i])
            {
                continue;
            }

            var c = text[i];
            if (FullWidth.TryGetValue(c, out var wide) && (WideBefore(text, i) || WideAfter(text, i)))
            {
                diagnostics.Report(Descriptors.HalfWidthPunctuation, narrative.SpanOf(i, 1), c, wide);
            }
            else if (Checks.TraditionalCharacters.ToSimplified.TryGetValue(c, out var simplified))
            {
                diagnostics.Report(Descriptors.TraditionalCharacter, narrative.SpanOf(i, 1), c, simplified);
            }
        }
    }

    // A year, a month, a day, an hour, 第3季度, 12周年: a number in a date or an ordinal counts nothing.
    private static bool DateOrOrdinal(string text, Match number)
    {
        var before = number.Index > 0 ? text[number.Index - 1] : ' ';
        var after = text.AsSpan(number.Index + number.Length);
        return before == '第'
            || (after.Length > 0 && after[0] is '年' or '月' or '日' or '号' or '时' or '点' or '季' or '届')
            || after.StartsWith("周年", StringComparison.Ordinal);
    }

    private static bool[] SuspectTable()
    {
        var table = new bool[char.MaxValue + 1];
        foreach (var c in FullWidth.Keys.Concat(Checks.TraditionalCharacters.ToSimplified.Keys))
        {
            table[c] = true;
        }

        return table;
    }

    // At the start of every paragraph (a line of pasted text too): numbering typed by hand, and the full-width
    // spaces of a first-line indent, which are dropped (one warning a text, at the first).
    private static HashSet<int> CheckNumbering(Narrative narrative, DiagnosticBag diagnostics)
    {
        var text = narrative.Text;
        var found = new HashSet<int>();
        var indented = 0;
        var firstIndent = (Start: 0, Length: 0);
        foreach (var start in CjkText.ParagraphStarts(text))
        {
            var at = start;
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }

            var spaces = at;
            while (at < text.Length && text[at] is '\u3000' or ' ')
            {
                at++;
            }

            if (at > spaces && text.AsSpan(spaces, at - spaces).Contains('\u3000'))
            {
                if (indented++ == 0)
                {
                    firstIndent = (spaces, at - spaces);
                }
            }

            if (HandNumbering.At(text, at) is { Success: true } m)
            {
                diagnostics.Report(Descriptors.HandNumbering, narrative.SpanOf(at, m.Length), m.Value);
                found.Add(at);
            }
        }

        if (indented > 0)
        {
            diagnostics.Report(Descriptors.LeadingFullWidthSpaces, narrative.SpanOf(firstIndent.Start, firstIndent.Length), indented);
        }

        return found;
    }

    // Metric references, inline code and link targets are not prose.
    private static bool[] Protected(string text)
    {
        var mask = new bool[text.Length + 1];
        foreach (Match m in NotProse().Matches(text))
        {
            Array.Fill(mask, true, m.Index, m.Length);
        }

        return mask;
    }

    // A metric reference writes a number and a Chinese unit; a line break joins without a space.
    private static bool WideBefore(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\n')
        {
            i--;
        }

        return i >= 0 && (CjkText.IsWide(text[i]) || (text[i] == '}' && i > 0 && text[i - 1] == '}'));
    }

    private static bool WideAfter(string text, int index)
    {
        var i = index + 1;
        while (i < text.Length && text[i] is ' ' or '\n')
        {
            i++;
        }

        return i < text.Length && (CjkText.IsWide(text[i]) || (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '{'));
    }

    // \G: only at the paragraph's first character (Match is given that position).
    // A line "# …" in a text is a Markdown heading: most often a comment written inside a block by mistake.
    private static void CheckHeadings(Narrative narrative, DiagnosticBag diagnostics)
    {
        var text = narrative.Text;
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            var line = end < 0 ? text.AsSpan(start) : text.AsSpan(start, end - start);
            var indent = line.Length - line.TrimStart(' ').Length;
            var hashes = line[indent..].Length - line[indent..].TrimStart('#').Length;
            if (hashes is >= 1 and <= 6 && indent <= 3 && (line.Length == indent + hashes || line[indent + hashes] == ' '))
            {
                diagnostics.Report(Descriptors.HeadingInText, narrative.SpanOf(start + indent, hashes));
            }

            start = end < 0 ? text.Length : end + 1;
        }
    }

    [GeneratedRegex(@"(?<![0-9.·•+\-/:_A-Za-z])[0-9]+(?:\.[0-9]+)?(?![0-9·•+\-/:_A-Za-z]|\.[0-9])")]
    private static partial Regex TypedNumber();

    [GeneratedRegex(@"\{\{.*?\}\}|`[^`\n]*`|\]\([^)\n]*\)|https?://\S+")]
    private static partial Regex NotProse();
}
