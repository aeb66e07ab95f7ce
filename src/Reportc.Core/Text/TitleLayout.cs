using System.Text.RegularExpressions;

namespace Reportc.Text;

/// <summary>
/// The lines a title is printed in: GB/T 9704 7.3.2 sets the title in 2号 (22 pt) 小标宋 across the 版心 (156 mm),
/// 20 Chinese characters a line, and wants a long title broken with the meaning of its words whole (词意完整).
/// A line the clerk wrote is kept; one too wide is broken where the words allow: at a space, after an issuer's
/// name, before 关于, then between the words of a title, never inside 人民政府, 建设, 情况, a year, ….
/// </summary>
public static partial class TitleLayout
{
    /// <summary>Display width (a Chinese character 2, a half-width one 1) of a 2号 line across the 版心: 156 mm / 22 pt = 20 characters.</summary>
    public const int LineWidth = 40;

    // Words of report titles that a line break must not split; issuers' names are added per report. Longer
    // words first, so that a position inside one is found whatever the shorter words around it.
    private static readonly string[] Words =
    [
        "街道办事处", "法治政府", "人民政府", "委员会", "办事处", "办公室", "司法局", "年度报告", "信息公开", "依法行政", "依法治",
        "中共", "关于", "年度", "法治", "政府", "人民", "建设", "工作", "情况", "报告", "信息", "公开", "推进", "依法", "行政",
        "执法", "监督", "落实", "责任", "实施", "党委", "县委", "市委", "区委", "镇委", "街道", "管理", "总结", "乡镇", "党组",
        "专项", "规划", "普法", "治理", "服务", "改革", "发展", "社会", "经济", "安全", "生产", "生态", "环境", "保护", "文化",
    ];

    private const string NoLineStart = "的、，。；：？！”’）》】〕」』…";
    private const string NoLineEnd = "“‘（《【〔「『";

    /// <summary>The printed lines of a title written as <paramref name="written"/>.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<string> written, IReadOnlyList<string> issuers)
    {
        var lines = new List<string>();
        foreach (var line in written)
        {
            var rest = line;
            while (CjkText.DisplayWidth(rest) > LineWidth)
            {
                var at = BreakAt(rest, issuers);
                lines.Add(rest[..at].TrimEnd());
                rest = rest[at..].TrimStart();
            }

            lines.Add(rest);
        }

        return lines;
    }

    /// <summary>The word a line break at <paramref name="position"/> of <paramref name="text"/> would split, or null.</summary>
    public static string? WordSplitAt(string text, int position, IReadOnlyList<string> issuers) =>
        Atoms(text, issuers).FirstOrDefault(a => a.Start < position && position < a.Start + a.Length) is { Length: > 0 } atom
            ? text.Substring(atom.Start, atom.Length)
            : null;

    // The position to break a line too wide at: the best kind of place that leaves the first line within the
    // width, the last such place of that kind; a remainder of a word or two is avoided.
    private static int BreakAt(string text, IReadOnlyList<string> issuers)
    {
        var atoms = Atoms(text, issuers);
        var issuerEnds = atoms.Where(a => a.Issuer).Select(a => a.Start + a.Length).ToHashSet();
        var wordEdges = atoms.SelectMany(a => new[] { a.Start, a.Start + a.Length }).ToHashSet();
        var best = (Score: -1, Position: 0);
        for (var p = 1; p < text.Length; p++)
        {
            if (CjkText.DisplayWidth(text[..p].TrimEnd()) > LineWidth)
            {
                break;
            }

            var inside = atoms.Any(a => a.Start < p && p < a.Start + a.Length) || char.IsLowSurrogate(text[p]);
            var kinsoku = NoLineStart.Contains(text[p], StringComparison.Ordinal) || NoLineEnd.Contains(text[p - 1], StringComparison.Ordinal);
            var score = inside || kinsoku ? 0
                : text[p - 1] == ' ' || text[p] == ' ' || issuerEnds.Contains(p) || string.CompareOrdinal(text, p, "关于", 0, 2) == 0 ? 3
                : wordEdges.Contains(p) ? 2
                : 1;
            if (score > 0 && CjkText.DisplayWidth(text[p..].Trim()) < 8)
            {
                score = 1;
            }

            if (score >= best.Score)
            {
                best = (score, p);
            }
        }

        return best.Position > 0 ? best.Position : 1;
    }

    private readonly record struct Atom(int Start, int Length, bool Issuer);

    private static List<Atom> Atoms(string text, IReadOnlyList<string> issuers)
    {
        var atoms = new List<Atom>();
        foreach (var issuer in issuers.Where(i => i.Length > 1))
        {
            for (var at = text.IndexOf(issuer, StringComparison.Ordinal); at >= 0; at = text.IndexOf(issuer, at + 1, StringComparison.Ordinal))
            {
                atoms.Add(new Atom(at, issuer.Length, true));
            }
        }

        foreach (var word in Words)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                atoms.Add(new Atom(at, word.Length, false));
            }
        }

        atoms.AddRange(Numbers().Matches(text).Select(m => new Atom(m.Index, m.Length, false)));
        return atoms;
    }

    // A number with the 年/年度 after it, a 发文字号's year in 〔〕, a 《title》 of a few characters.
    [GeneratedRegex(@"[0-9０-９]+(?:[.．][0-9]+)?(?:年度|年)?|〔[0-9]{4}〕|《[^》]{1,12}》")]
    private static partial Regex Numbers();
}
