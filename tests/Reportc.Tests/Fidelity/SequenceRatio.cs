namespace Reportc.Tests.Fidelity;

/// <summary>
/// The similarity ratio of Python's <c>difflib.SequenceMatcher(None, a, b).ratio()</c>, autojunk included,
/// written out here so the fidelity acceptance runs in the test suite: 2·M / (|a| + |b|), M the matched
/// characters of the recursive longest-match decomposition.
/// </summary>
internal static class SequenceRatio
{
    public static double Ratio(string a, string b)
    {
        if (a.Length + b.Length == 0)
        {
            return 1.0;
        }

        var b2j = new Dictionary<char, List<int>>();
        for (var j = 0; j < b.Length; j++)
        {
            if (!b2j.TryGetValue(b[j], out var list))
            {
                b2j[b[j]] = list = [];
            }

            list.Add(j);
        }

        // autojunk: in a b of 200 or more, an element occurring more than 1% of the time (+1) is "popular".
        if (b.Length >= 200)
        {
            var test = (b.Length / 100) + 1;
            foreach (var key in b2j.Where(kv => kv.Value.Count > test).Select(kv => kv.Key).ToList())
            {
                b2j.Remove(key);
            }
        }

        var matched = 0;
        var queue = new Stack<(int ALo, int AHi, int BLo, int BHi)>();
        queue.Push((0, a.Length, 0, b.Length));
        while (queue.Count > 0)
        {
            var (alo, ahi, blo, bhi) = queue.Pop();
            var (i, j, k) = Longest(a, b, b2j, alo, ahi, blo, bhi);
            if (k == 0)
            {
                continue;
            }

            matched += k;
            if (alo < i && blo < j)
            {
                queue.Push((alo, i, blo, j));
            }

            if (i + k < ahi && j + k < bhi)
            {
                queue.Push((i + k, ahi, j + k, bhi));
            }
        }

        return 2.0 * matched / (a.Length + b.Length);
    }

    private static (int I, int J, int K) Longest(string a, string b, Dictionary<char, List<int>> b2j, int alo, int ahi, int blo, int bhi)
    {
        int besti = alo, bestj = blo, bestsize = 0;
        var j2len = new Dictionary<int, int>();
        for (var i = alo; i < ahi; i++)
        {
            var next = new Dictionary<int, int>();
            if (b2j.TryGetValue(a[i], out var js))
            {
                foreach (var j in js)
                {
                    if (j < blo)
                    {
                        continue;
                    }

                    if (j >= bhi)
                    {
                        break;
                    }

                    var k = next[j] = j2len.GetValueOrDefault(j - 1) + 1;
                    if (k > bestsize)
                    {
                        (besti, bestj, bestsize) = (i - k + 1, j - k + 1, k);
                    }
                }
            }

            j2len = next;
        }

        // Extend over elements left out of b2j (the popular ones), as difflib does.
        while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1])
        {
            (besti, bestj, bestsize) = (besti - 1, bestj - 1, bestsize + 1);
        }

        while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize])
        {
            bestsize++;
        }

        return (besti, bestj, bestsize);
    }
}
