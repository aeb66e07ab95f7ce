namespace Reportc.Diagnostics;

/// <summary>Collects the diagnostics of one compilation; problems are data, not exceptions.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        _items.Add(Diagnostic.Create(descriptor, span, args));

    /// <summary>The diagnostics sorted by file and position; ties keep the order they were found in.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        [.. _items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Span.Path, StringComparer.Ordinal)
            .ThenBy(x => x.d.Span.Line)
            .ThenBy(x => x.d.Span.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)];
}
