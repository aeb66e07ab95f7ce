namespace Reportc.Diagnostics;

/// <summary>A place in a user's file: 1-based line and column (columns count UTF-16 units).</summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan At(string path, int line, int column) => new(path, line, column, line, column);

    public static SourceSpan WholeFile(string path) => new(path, 1, 1, 1, 1);

    public override string ToString() => $"{Path}({Line},{Column})";
}
