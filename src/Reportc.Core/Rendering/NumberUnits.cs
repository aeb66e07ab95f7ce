using System.Text;
using System.Text.RegularExpressions;
using Reportc.Model;
using Reportc.Text;

namespace Reportc.Rendering;

/// <summary>
/// Keeps a number and its unit on one line (3.60万元, 750余人次, 3万余元): a line may break between any two Chinese
/// characters, and between a digit and one, so a page could end in 3.60万 and the next begin with 元. In the HTML
/// (and so the PDF) the number and unit stand in a span that does not wrap; the text copied out is unchanged.
/// </summary>
/// <remarks>
/// Not in the Word output: WORD JOINER (U+2060), ZERO WIDTH NO-BREAK SPACE and ZERO WIDTH JOINER between them were
/// each tried, and LibreOffice 7.4 broke 3.60万 / 元 all the same on the document grid, while the joiner would be
/// in every text copied out of Word and read back by import.
/// </remarks>
public static partial class NumberUnits
{
    // Units reports count in, beside the report's own metric units and its kind's.
    private static readonly string[] Common =
    [
        "元", "万元", "亿元", "人次", "万人次", "次", "件", "个", "名", "户", "人", "条", "份", "起", "项", "场", "场次", "期",
        "家", "篇", "册", "本", "所", "处", "台", "辆", "天", "小时", "平方米", "公里", "亩", "批", "类", "部", "家次", "余",
    ];

    /// <summary>The units of <paramref name="report"/>: its metrics', its kind's catalogue's and the common ones.</summary>
    public static IReadOnlyList<string> For(Report report) =>
        [.. Common.Concat(report.Metrics.Select(m => m.Unit)).Concat(report.Kind.Metrics.Values.Select(m => m.Unit ?? ""))
            .Where(u => u.Length > 0 && u.Any(CjkText.IsWide)).Distinct(StringComparer.Ordinal).OrderByDescending(u => u.Length).ThenBy(u => u, StringComparer.Ordinal)];

    /// <summary><paramref name="html"/> with each number and unit in its text (never inside a tag) in <c>&lt;span class="nw"&gt;</c>.</summary>
    public static string KeepTogetherHtml(string html, IReadOnlyList<string> units)
    {
        var pattern = Pattern(units);
        var result = new StringBuilder(html.Length + 32);
        var at = 0;
        while (at < html.Length)
        {
            var tag = html.IndexOf('<', at);
            var end = tag < 0 ? html.Length : tag;
            result.Append(pattern.Replace(html[at..end], m => $"<span class=\"nw\">{m.Value}</span>"));
            if (tag < 0)
            {
                break;
            }

            var close = html.IndexOf('>', tag);
            close = close < 0 ? html.Length - 1 : close;
            result.Append(html, tag, close + 1 - tag);
            at = close + 1;
        }

        return result.ToString();
    }

    private static Regex Pattern(IReadOnlyList<string> units)
    {
        var key = string.Join("|", units.Select(Regex.Escape));
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var regex))
            {
                // A number (not the end of a longer word or number), 余 and 万/亿 as written, then a unit; only when a
                // Chinese character follows the digits is there a break to prevent.
                regex = new Regex($@"(?<![0-9.A-Za-z])[0-9]+(?:\.[0-9]+)?(?:余?[万亿]余?(?:{key})?|余?(?:{key}))", RegexOptions.CultureInvariant);
                Cache[key] = regex;
            }

            return regex;
        }
    }

    private static readonly Dictionary<string, Regex> Cache = new(StringComparer.Ordinal);
}
