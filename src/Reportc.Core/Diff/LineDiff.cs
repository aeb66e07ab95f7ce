using System.Globalization;
using System.Text;

namespace Reportc.Diff;

/// <summary>
/// A plain unified diff of two texts, line by line, with three lines of context: what git's driver shows
/// when a side is not a readable report (a syntax error being fixed, a file that is not a report), so a
/// change is never invisible.
/// </summary>
public static class LineDiff
{
    // The middle that differs is compared line against line when it is no larger than this; a bigger
    // one is shown as removed and added whole (bounded memory whatever the files).
    private const long MaxCells = 4_000_000;

    /// <summary>The hunks (<c>@@ -a,b +c,d @@</c> and the lines), empty when the texts are equal.</summary>
    public static string Hunks(string old, string @new, int context = 3)
    {
        var a = Lines(old);
        var b = Lines(@new);
        var edits = Edits(a, b);
        var text = new StringBuilder();
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from `context` lines before this change to `context` lines after the last change that
            // is no more than 2 × context unchanged lines from the one before.
            var start = Math.Max(0, i - context);
            var end = i;
            while (end < edits.Count)
            {
                var next = end;
                while (next < edits.Count && edits[next].Kind == ' ')
                {
                    next++;
                }

                if (next == edits.Count || next - end > 2 * context)
                {
                    end = Math.Min(edits.Count, end + context);
                    break;
                }

                end = next + 1;
            }

            var hunk = edits.GetRange(start, end - start);
            var oldStart = edits[start].OldLine;
            var newStart = edits[start].NewLine;
            var oldCount = hunk.Count(e => e.Kind != '+');
            var newCount = hunk.Count(e => e.Kind != '-');
            text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
            foreach (var edit in hunk)
            {
                text.Append(edit.Kind).Append(edit.Text).Append('\n');
            }

            i = end;
        }

        return text.ToString();
    }

    // As diff -u writes a range: "3,4"; one line "3"; none "2,0" (the line before).
    private static string Range(int first, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{first - 1},0"),
        1 => first.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{first},{count}"),
    };

    private static string[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var edits = new List<Edit>();
        int oldLine = 1, newLine = 1;
        void Add(char kind, string text)
        {
            edits.Add(new Edit(kind, text, oldLine, newLine));
            oldLine += kind == '+' ? 0 : 1;
            newLine += kind == '-' ? 0 : 1;
        }

        for (var k = 0; k < prefix; k++)
        {
            Add(' ', a[k]);
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)n * m > MaxCells)
        {
            for (var k = 0; k < n; k++)
            {
                Add('-', a[prefix + k]);
            }

            for (var k = 0; k < m; k++)
            {
                Add('+', b[prefix + k]);
            }
        }
        else
        {
            // Longest common subsequence of the middle, from the end, then walked from the start.
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
            {
                for (var y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }

            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && a[prefix + i] == b[prefix + j])
                {
                    Add(' ', a[prefix + i++]);
                    j++;
                }
                else if (i < n && (j == m || lcs[i + 1, j] >= lcs[i, j + 1]))
                {
                    Add('-', a[prefix + i++]);
                }
                else
                {
                    Add('+', b[prefix + j++]);
                }
            }
        }

        for (var k = a.Length - suffix; k < a.Length; k++)
        {
            Add(' ', a[k]);
        }

        return edits;
    }

    private sealed record Edit(char Kind, string Text, int OldLine, int NewLine);
}
