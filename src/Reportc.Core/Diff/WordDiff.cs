using System.Text;

namespace Reportc.Diff;

/// <summary>
/// A word-level diff of two paragraphs: Chinese text has no spaces, so each Chinese character is a word,
/// and a run of letters or digits is one. Removed words are shown as [-…-], added ones as {+…+}.
/// </summary>
public static class WordDiff
{
    public static string Show(string old, string @new)
    {
        var a = Words(old);
        var b = Words(@new);
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new StringBuilder();
        var removed = new StringBuilder();
        var added = new StringBuilder();
        void Flush()
        {
            if (removed.Length > 0)
            {
                result.Append("[-").Append(removed).Append("-]");
                removed.Clear();
            }

            if (added.Length > 0)
            {
                result.Append("{+").Append(added).Append("+}");
                added.Clear();
            }
        }

        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Flush();
                result.Append(a[x]);
                x++;
                y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Append(b[y++]);
            }
            else
            {
                removed.Append(a[x++]);
            }
        }

        Flush();
        return result.ToString();
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (text.AsSpan(i).StartsWith("{{", StringComparison.Ordinal) && text.IndexOf("}}", i + 2, StringComparison.Ordinal) is var close and > 0)
            {
                // A metric reference is one word: a changed reference shows whole, never split inside.
                i = close + 2;
            }
            else if (char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                {
                    i++;
                }
            }
            else
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            words.Add(text[start..i]);
        }

        return words;
    }
}
