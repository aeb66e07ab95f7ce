using Reportc.Diagnostics;

namespace Reportc.Model;

/// <summary>
/// A piece of Markdown narrative as the user wrote it (lines kept, indentation removed), with the place
/// each of its lines has in the YAML file, so a problem inside the text is reported at its own column.
/// </summary>
public sealed class Narrative
{
    private readonly int[] _lineNumbers;
    private readonly int[] _columnOffsets;
    private readonly int[]? _charColumns;
    private int[]? _lineStarts;

    public Narrative(string path, string text, int[] lineNumbers, int[] columnOffsets)
    {
        Path = path;
        Text = text;
        _lineNumbers = lineNumbers;
        _columnOffsets = columnOffsets;
    }

    /// <summary>A one-line narrative whose characters sit at the given source columns (quoted text with escapes).</summary>
    public Narrative(string path, string text, int line, int[] charColumns)
        : this(path, text, [line], [0]) => _charColumns = charColumns;

    public string Path { get; }

    public string Text { get; }

    public SourceSpan Span => SpanOf(0, 0);

    /// <summary>Narrative made in code (tests, defaults): placed at the start of <paramref name="path"/>.</summary>
    public static Narrative FromString(string path, string text, int line = 1, int column = 1)
    {
        var count = text.Count(c => c == '\n') + 1;
        return new Narrative(path, text, [.. Enumerable.Range(line, count)], [column - 1, .. Enumerable.Repeat(0, count - 1)]);
    }

    /// <summary>The place in the file of the characters <paramref name="offset"/> … +<paramref name="length"/> of <see cref="Text"/>.</summary>
    public SourceSpan SpanOf(int offset, int length)
    {
        var (line, column) = Locate(offset);
        var (endLine, endColumn) = Locate(Math.Min(Text.Length, offset + length));
        return new SourceSpan(Path, line, column, endLine, endColumn);
    }

    private (int Line, int Column) Locate(int offset)
    {
        // Binary search over the line starts (found once): every diagnostic in a long text is placed in
        // O(log lines), so checks that report many problems stay linear in the text.
        var starts = _lineStarts ??= LineStarts(Text);
        var clamped = Math.Clamp(offset, 0, Text.Length);
        var found = Array.BinarySearch(starts, clamped);
        var index = found >= 0 ? found : ~found - 1;
        var lineStart = starts[index];
        index = Math.Min(index, _lineNumbers.Length - 1);
        if (_charColumns is not null && index == 0 && offset < _charColumns.Length)
        {
            return (_lineNumbers[0], _charColumns[offset]);
        }

        return (_lineNumbers[index], _columnOffsets[index] + (offset - lineStart) + 1);
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return [.. starts];
    }
}
