using System.Text.RegularExpressions;

namespace Reportc.Import;

/// <summary>
/// The hand-typed numbering of the levels of a report: 一、 (a section), （一） (a subsection), 1. or 1、 or
/// 1． (the third level), （1） (the fourth); and the run-in points 一是, 二是.
/// </summary>
internal static partial class Heading
{
    /// <summary>The depth a numbered paragraph opens (0 a section, 1 （一）, 2 1., 3 （1）) and what follows the number.</summary>
    public static (int Depth, string After, bool WordStyle)? Numbered(string plain)
    {
        if (Section().Match(plain) is { Success: true } s)
        {
            return (0, s.Groups[2].Value, false);
        }

        if (Subsection().Match(plain) is { Success: true } sub)
        {
            return (1, sub.Groups[1].Value, false);
        }

        if (Third().Match(plain) is { Success: true } third)
        {
            return (2, third.Groups[3].Value, third.Groups[2].Value != ".");
        }

        if (Fourth().Match(plain) is { Success: true } fourth)
        {
            return (3, fourth.Groups[1].Value, false);
        }

        return null;
    }

    /// <summary>The text without its leading number: "**（一）加强领导。**正文" → "**加强领导。**正文".</summary>
    public static string StripNumber(string text)
    {
        var bold = text.StartsWith("**", StringComparison.Ordinal);
        var body = bold ? text[2..] : text;
        var m = Prefix().Match(body);
        return m.Success ? (bold ? "**" : "") + body[m.Length..] : text;
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[\.．、](?![0-9])|[（(][0-9０-９]{1,2}[）)])[ \u3000]*")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3}、)\s*(.*)$", RegexOptions.Singleline)]
    internal static partial Regex Section();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]{1,3}[）)]\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex Subsection();

    [GeneratedRegex(@"^([0-9０-９]{1,2}([\.．、]))(?![0-9])\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex Third();

    [GeneratedRegex(@"^[（(][0-9０-９]{1,2}[）)]\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex Fourth();
}
