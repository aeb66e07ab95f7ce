using System.Globalization;
using System.Text.RegularExpressions;

namespace Reportc.Import;

/// <summary>
/// The 公文 elements around the body: 发文字号 and 签发人, title lines and 主送机关 before the first section,
/// 署名, 成文日期, 抄送 and 印发 after the last. What is neither is body text.
/// </summary>
internal static partial class DocumentParts
{
    /// <summary>Splits the paragraphs (line, text) into front matter, body and end matter, filling the report.</summary>
    public static (int BodyStart, int BodyEnd) Find(List<(int Line, string Text, int Level)> paragraphs, ImportedReport report)
    {
        var end = paragraphs.Count;

        // From the end: 印发, 抄送, the date, then the 署名 lines above it.
        while (end > 0)
        {
            var text = Plain(paragraphs[end - 1].Text);
            if (Printed().Match(text) is { Success: true } printed)
            {
                report.Printer = printed.Groups[1].Value.Trim();
                report.PrintDate = printed.Groups[2].Value;
            }
            else if (CopyTo().Match(text) is { Success: true } cc)
            {
                report.Cc = cc.Groups[1].Value.Trim().TrimEnd('。');
            }
            else
            {
                break;
            }

            end--;
        }

        if (end > 0 && ParseDate(Plain(paragraphs[end - 1].Text)) is { } date)
        {
            report.Date = date;
            end--;
            var issuers = new List<string>();
            while (end > 0 && issuers.Count < 6 && IsName(Plain(paragraphs[end - 1].Text)) && paragraphs[end - 1].Level == 0)
            {
                issuers.Insert(0, Plain(paragraphs[end - 1].Text));
                end--;
            }

            report.Issuers.AddRange(issuers);
        }

        // From the start: 发文字号 (with 签发人), the title, 主送机关.
        var start = 0;
        var namesOnly = false;
        for (; start < end && start < 8; start++)
        {
            var text = Plain(paragraphs[start].Text);
            if (report.Number is null && NumberLine().Match(text) is { Success: true } number)
            {
                report.Number = number.Groups[1].Value;
                var firstLine = text.Split('\n')[0];
                if (Signer().Match(firstLine) is { Success: true } signer)
                {
                    report.Signer = signer.Groups[1].Value.Trim();
                }

                // The lines after it in the same block (a PDF's page) are read as the next paragraph.
                if (text.IndexOf('\n', StringComparison.Ordinal) is var cut and > 0)
                {
                    paragraphs[start] = (paragraphs[start].Line, text[(cut + 1)..], paragraphs[start].Level);
                    start--;
                }

                continue;
            }

            // The title's words after the issuers' names typed on a line of their own (示例县司法局 / 2024年…年度报告).
            if ((report.TitleLines.Count == 0 || namesOnly) && (paragraphs[start].Level == 1 || LooksLikeTitle(text)))
            {
                namesOnly = false;
                var titleLines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

                // The 主送机关 printed right under the title, on the title's last line of a PDF's paragraph.
                if (titleLines.Count > 1 && titleLines[^1] is var last && (last.EndsWith('：') || last.EndsWith(':')) && last.Length <= 80)
                {
                    report.To = last.TrimEnd('：', ':');
                    titleLines.RemoveAt(titleLines.Count - 1);
                }

                report.TitleLines.AddRange(titleLines);
                continue;
            }

            if (report.TitleLines.Count > 0 && report.To is null && text.Length <= 80 && !text.Contains('\n', StringComparison.Ordinal)
                && (text.EndsWith('：') || text.EndsWith(':')) && !text.Contains('。', StringComparison.Ordinal))
            {
                report.To = text.TrimEnd('：', ':');
                continue;
            }

            // The title may be preceded by the issuers' names on lines of their own (a 版头 typed as text).
            if (report.TitleLines.Count == 0 && IsName(text))
            {
                namesOnly = true;
                report.TitleLines.Add(text);
                continue;
            }

            break;
        }

        return (start, end);
    }

    /// <summary>Bold markers and surrounding spaces out: the words of a line.</summary>
    public static string Plain(string text) => text.Replace("**", "", StringComparison.Ordinal).Trim().Trim('\u3000').Trim();

    /// <summary>2025年1月20日 (or with spaces, or 二〇二五年一月二十日) → 2025-01-20.</summary>
    public static string? ParseDate(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        if (DateLine().Match(compact) is { Success: true } m)
        {
            return Format(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        }

        if (ChineseDate().Match(compact) is { Success: true } c)
        {
            var year = string.Concat(c.Groups[1].Value.Select(ch => (char)('0' + "〇一二三四五六七八九".IndexOf(ch == '零' || ch == 'О' ? '〇' : ch, StringComparison.Ordinal))));
            var month = TextMatch.ParseNumeral(c.Groups[2].Value);
            var day = TextMatch.ParseNumeral(c.Groups[3].Value);
            return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? Format(y, month, day) : null;
        }

        return null;
    }

    private static string? Format(int year, int month, int day) =>
        year is >= 1949 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? $"{year:D4}-{month:D2}-{day:D2}"
            : null;

    // An organ's name on a line of its own: short, no sentence punctuation.
    private static bool IsName(string text) =>
        text.Length is >= 2 and <= 30 && !text.Contains('\n', StringComparison.Ordinal) && !NamePunctuation().IsMatch(text) && !DateLine().IsMatch(text);

    private static bool LooksLikeTitle(string text) =>
        text.Length <= 120 && !text.Contains('。', StringComparison.Ordinal) && !Heading.Section().IsMatch(text)
        && (text.Contains("报告", StringComparison.Ordinal) || text.Contains("情况", StringComparison.Ordinal) || text.Contains("总结", StringComparison.Ordinal));

    [GeneratedRegex(@"^(\d{4})年(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^([〇零О一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"^\s*(\S*?[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号)")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"签发人[：:]\s*(\S+)")]
    private static partial Regex Signer();

    [GeneratedRegex(@"^抄送[：:](.+)$")]
    private static partial Regex CopyTo();

    [GeneratedRegex(@"^(.+?)[\s\u3000]+(\d{4}年\d{1,2}月\d{1,2}日)\s*印发$")]
    private static partial Regex Printed();

    [GeneratedRegex(@"[。，；：:,;！？!?、“”《》0-9]")]
    private static partial Regex NamePunctuation();
}
