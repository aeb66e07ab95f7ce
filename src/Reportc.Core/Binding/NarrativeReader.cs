using Reportc.Loading;
using Reportc.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reportc.Binding;

/// <summary>
/// Reads a text scalar as the user typed it. Folded (<c>&gt;</c>) and multi-line plain scalars are read from
/// the source lines rather than from YamlDotNet's value, which has already joined lines with spaces, also
/// between Chinese characters; the Markdown stage decides how lines are joined.
/// </summary>
internal static class NarrativeReader
{
    public static Narrative Read(YamlScalarNode node, SourceText source)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        switch (node.Style)
        {
            case ScalarStyle.Literal or ScalarStyle.Folded:
                return ReadBlock(node, source);
            case ScalarStyle.Plain when node.End.Line > node.Start.Line:
                return ReadPlain(node, source);
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when node.End.Line == node.Start.Line:
                return ReadQuoted(node, source);
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
                return Narrative.FromString(source.Path, node.Value ?? "", line, column + 1);
            default:
                return Narrative.FromString(source.Path, node.Value ?? "", line, column);
        }
    }

    private static Narrative ReadBlock(YamlScalarNode node, SourceText source)
    {
        // The header ("|", ">-", "|2 # comment") is on the node's first line; the content follows, up to the
        // node's end (the start of the line after the block, or the end of a file without a last line break).
        var lines = source.Lines;
        var first = (int)node.Start.Line;
        var headerLine = lines[first - 1];
        var headerColumn = Math.Min(headerLine.Length, (int)node.Start.Column - 1);
        var endLine = Math.Min((int)node.End.Line, lines.Count);
        var last = endLine;
        string Content(int number) => number == (int)node.End.Line
            ? lines[number - 1][..Math.Min(lines[number - 1].Length, Math.Max(0, (int)node.End.Column - 1))]
            : lines[number - 1];

        // Trailing blank lines belong to no paragraph.
        while (last > first && Content(last).AsSpan().Trim().Length == 0)
        {
            last--;
        }

        if (last == first)
        {
            return Narrative.FromString(source.Path, node.Value ?? "", first, (int)node.Start.Column);
        }

        // An indentation indicator counts from the indentation of the line that holds the header (the key's).
        var indent = ExplicitIndent(headerLine.AsSpan(headerColumn)) is { } explicitIndent ? SourceText.Indentation(headerLine) + explicitIndent : -1;
        for (var number = first + 1; indent < 0 && number <= last; number++)
        {
            if (Content(number).AsSpan().Trim().Length > 0)
            {
                indent = SourceText.Indentation(Content(number));
            }
        }

        var count = last - first;
        var numbers = new int[count];
        var offsets = new int[count];
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var line = Content(first + 1 + i);
            numbers[i] = first + 1 + i;
            offsets[i] = line.Length >= indent ? indent : 0;
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(line.Length >= indent ? line.AsSpan(indent) : line.AsSpan().TrimStart());
        }

        return new Narrative(source.Path, text.ToString().TrimEnd(), numbers, offsets);
    }

    // The indentation indicator of a block header: the digit among the indicators right after | or >.
    private static int? ExplicitIndent(ReadOnlySpan<char> header)
    {
        for (var i = 1; i < header.Length && header[i] is not (' ' or '#' or '\t'); i++)
        {
            if (char.IsAsciiDigit(header[i]))
            {
                return header[i] - '0';
            }
        }

        return null;
    }

    // Each character of a one-line quoted value, at its own column: an escape (\" or '') takes more than one.
    private static Narrative ReadQuoted(YamlScalarNode node, SourceText source)
    {
        var value = node.Value ?? "";
        var raw = source.Text.AsSpan((int)node.Start.Index, Math.Max(0, (int)(node.End.Index - node.Start.Index)));
        var columns = new int[value.Length + 1];
        var column = (int)node.Start.Column + 1;
        var r = 1;
        var doubleQuoted = node.Style == ScalarStyle.DoubleQuoted;
        for (var i = 0; i < value.Length; i++)
        {
            columns[i] = column;
            var width = 1;
            if (r < raw.Length && doubleQuoted && raw[r] == '\\')
            {
                width = r + 1 < raw.Length && raw[r + 1] == 'x' ? 4 : r + 1 < raw.Length && raw[r + 1] == 'u' ? 6 : r + 1 < raw.Length && raw[r + 1] == 'U' ? 10 : 2;
            }
            else if (r + 1 < raw.Length && !doubleQuoted && raw[r] == '\'' && raw[r + 1] == '\'')
            {
                width = 2;
            }

            r += width;
            column += width;
        }

        columns[value.Length] = column;
        return new Narrative(source.Path, value, (int)node.Start.Line, columns);
    }

    private static Narrative ReadPlain(YamlScalarNode node, SourceText source)
    {
        var lines = SourceLines(source, node);
        var startColumn = (int)node.Start.Column - 1;
        var endColumn = (int)node.End.Column - 1;
        var texts = new List<string>();
        var offsets = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (i == lines.Count - 1)
            {
                text = text[..Math.Min(text.Length, endColumn)];
            }

            var from = i == 0 ? startColumn : SourceText.Indentation(text);
            texts.Add(from <= text.Length ? text[from..].TrimEnd() : "");
            offsets.Add(from);
        }

        return new Narrative(source.Path, string.Join('\n', texts), [.. lines.Select(l => l.Number)], [.. offsets]);
    }

    private static List<(int Number, string Text)> SourceLines(SourceText source, YamlNode node)
    {
        var start = (int)node.Start.Index;
        var end = Math.Min(source.Text.Length, (int)node.End.Index);
        var lineStart = source.Text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start == 0)
        {
            lineStart = 0;
        }

        var raw = source.Text[lineStart..Math.Max(lineStart, end)];
        var first = (int)node.Start.Line;
        var result = new List<(int, string)>();
        var parts = raw.Split('\n');
        for (var i = 0; i < parts.Length; i++)
        {
            var text = i == 0 ? parts[i][Math.Min(parts[i].Length, start - lineStart)..] : parts[i];
            result.Add((first + i, i == 0 ? new string(' ', start - lineStart) + text : text));
        }

        return result;
    }

}
