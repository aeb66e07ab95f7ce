using System.Text.RegularExpressions;

namespace Reportc.Text;

/// <summary>
/// Numbering typed by hand at the start of a paragraph or title, in every form clerks type it: 一、 （一） 一是
/// 一． 1、 1. 1． 1） 1) (1) （1）, full-width digits （１） ２、, circled and parenthesised digits ① ⑴ ⒈ ❶, and
/// bare digits run into the words (<c>2优化营商环境</c>; not a number with its unit or a date: 2个, 12月).
/// The check warns about it; a numbered title prints it once, as generated.
/// </summary>
public static partial class HandNumbering
{
    /// <summary>The numbering typed at <paramref name="start"/> of <paramref name="text"/>, or an unsuccessful match.</summary>
    public static Match At(string text, int start) => Pattern().Match(text, start);

    /// <summary><paramref name="title"/> without the numbering typed at its start (and the space or 、 after it).</summary>
    public static string Strip(string title)
    {
        var lead = title.Length - title.TrimStart().Length;
        var m = At(title, lead);
        if (!m.Success)
        {
            return title;
        }

        var rest = title[(lead + m.Length)..].TrimStart(' ', '　', '、', '，', ',', '.', '．');
        return rest.Length == 0 ? title : rest;
    }

    // \G: only where Match is given to start. Bare digits count only before a Chinese character that is not
    // a unit, a measure word or a date (3个村, 12月, 2024年, 5余人 are prose).
    [GeneratedRegex(@"\G(?:[一二三四五六七八九十百]+(?:[、是．]|\.(?![0-9]))|[（(][一二三四五六七八九十百]+[）)]|[（(][0-9０-９]+[）)]|[0-9０-９]+(?:[、．）]|\)(?!\s)|\.(?![0-9\s]))|[①-⑳⑴-⒇⒈-⒛❶-❿➀-➉]|[0-9０-９]{1,2}(?=[\u4E00-\u9FFF])(?![年月日号时点分秒个次件人项家所村名条起户余多万千百亿元角期场份本册篇部张套台辆批处届周天岁倍位种类支座间级队组批轮大小第]))")]
    private static partial Regex Pattern();
}
