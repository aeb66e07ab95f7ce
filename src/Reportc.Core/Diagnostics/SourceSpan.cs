namespace Reportc.Diagnostics;

/// <summary>A place in a user's file: 1-based line and column (columns count UTF-16 units).</summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan At(string path, int line, int column) => new(path, line, column, line, column);

    public static SourceSpan WholeFile(string path) => new(path, 1, 1, 1, 1);

    /// <summary>No place in a file: a problem of the tool's surroundings (no browser), printed as "reportc: error …".</summary>
    public static SourceSpan Tool { get; } = new("", 0, 0, 0, 0);

    public bool IsTool => Path.Length == 0;

    public override string ToString() => IsTool ? "reportc" : $"{Path}({Line},{Column})";
}
