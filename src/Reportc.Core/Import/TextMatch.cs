using Reportc.Text;

namespace Reportc.Import;

/// <summary>How alike two short Chinese phrases are: by their longest common subsequence of characters.</summary>
internal static class TextMatch
{
    /// <summary>Characters of <paramref name="a"/> and <paramref name="b"/> in the same order (the LCS length).</summary>
    public static int Common(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        // Two rows of the table, on the stack for the short phrases this compares.
        var rows = b.Length <= 256 ? stackalloc int[2 * (b.Length + 1)] : new int[2 * (b.Length + 1)];
        rows.Clear();
        var previous = rows[..(b.Length + 1)];
        var current = rows[(b.Length + 1)..];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }

    /// <summary>2·common / (|a| + |b|): 1 for equal phrases.</summary>
    public static double Ratio(string a, string b) => a.Length + b.Length == 0 ? 1 : 2.0 * Common(a, b) / (a.Length + b.Length);

    /// <summary>The share of the shorter phrase found, in order, in the longer one.</summary>
    public static double Covered(string a, string b) => Math.Min(a.Length, b.Length) == 0 ? 0 : (double)Common(a, b) / Math.Min(a.Length, b.Length);

    /// <summary>1 → 一, 12 → 十二: the numerals of hand numbering (一、 （一） 一是).</summary>
    public static string Numeral(int n) => ChineseNumerals.Format(n);

    /// <summary>一 → 1, 十二 → 12, 二十 → 20; 0 for anything else.</summary>
    public static int ParseNumeral(string text)
    {
        const string digits = "零一二三四五六七八九";
        if (text.Length == 0 || text.Length > 3)
        {
            return 0;
        }

        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return text.Length == 1 ? Math.Max(0, digits.IndexOf(text[0], StringComparison.Ordinal)) : 0;
        }

        var high = ten == 0 ? 1 : ten == 1 ? digits.IndexOf(text[0], StringComparison.Ordinal) : -1;
        var low = ten == text.Length - 1 ? 0 : text.Length - ten == 2 ? digits.IndexOf(text[ten + 1], StringComparison.Ordinal) : -1;
        return high < 1 || low < 0 ? 0 : (high * 10) + low;
    }
}
