namespace Reportc.Import;

/// <summary>Run-in points in a paragraph: 一是……二是……, bold leads or plain, their numbering taken out.</summary>
internal static class Points
{
    private const string Before = "。；;！？!?：:";

    /// <summary>The text before 一是 and the points, or null when the paragraph has fewer than two points.</summary>
    public static (string Intro, List<ImportedPoint> Points)? Split(string text, int line)
    {
        var starts = new List<(int Start, int Marker, string Token)>();
        var from = 0;
        for (var k = 1; k <= 30; k++)
        {
            var token = TextMatch.Numeral(k) + "是";
            var found = Find(text, token, from);
            if (found is null)
            {
                break;
            }

            starts.Add((found.Value.Start, found.Value.Marker, token));
            from = found.Value.Marker + token.Length;
        }

        if (starts.Count < 2)
        {
            return null;
        }

        var points = new List<ImportedPoint>();
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1].Start : text.Length;
            points.Add(Parse(text[starts[k].Start..end], starts[k].Token, line));
        }

        return (text[..starts[0].Start].Trim(), points);
    }

    private static (int Start, int Marker)? Find(string text, string token, int from)
    {
        for (var i = text.IndexOf(token, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + 1, StringComparison.Ordinal))
        {
            var j = i >= 2 && text[(i - 2)..i] == "**" ? i - 2 : i;
            var k = j;
            while (k > 0 && text[k - 1] is ' ' or '\u3000')
            {
                k--;
            }

            if (k == 0 || Before.Contains(text[k - 1], StringComparison.Ordinal))
            {
                return (j, i);
            }
        }

        return null;
    }

    private static ImportedPoint Parse(string segment, string token, int line)
    {
        var bold = segment.StartsWith("**", StringComparison.Ordinal);
        var body = (bold ? segment[2..] : segment)[token.Length..];
        string? title = null;
        string text;
        if (bold && body.IndexOf("**", StringComparison.Ordinal) is var close and >= 0)
        {
            var content = body[..close].Trim();
            var after = body[(close + 2)..].TrimStart();
            if (content.Length == 0)
            {
                text = after;
            }
            else if (content.EndsWith('。'))
            {
                (title, text) = (content[..^1], after);
            }
            else if (after.StartsWith('。'))
            {
                (title, text) = (content, after[1..]);
            }
            else
            {
                text = content + after;
            }
        }
        else
        {
            var stop = body.IndexOf('。', StringComparison.Ordinal);
            var lead = stop > 0 ? body[..stop] : "";
            if (stop > 0 && stop <= 25 && !lead.Contains('；', StringComparison.Ordinal) && !lead.Contains("**", StringComparison.Ordinal))
            {
                (title, text) = (lead, body[(stop + 1)..]);
            }
            else
            {
                text = body;
            }
        }

        return new ImportedPoint(title?.Trim(), text.Trim(), line);
    }
}
