namespace Reportc.Diagnostics;

/// <summary>Collects the diagnostics of one compilation; problems are data, not exceptions.</summary>
public sealed class DiagnosticBag(MessageText? text = null)
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>The language diagnostics are worded in.</summary>
    public MessageText Text { get; } = text ?? MessageText.English;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public int Count => _items.Count;

    public bool Has(DiagnosticDescriptor descriptor) => _items.Exists(d => d.Code == descriptor.Code);

    /// <summary>Where the first diagnostic of <paramref name="descriptor"/> was reported, if one was.</summary>
    public SourceSpan? FirstSpanOf(DiagnosticDescriptor descriptor) => _items.Find(d => d.Code == descriptor.Code)?.Span;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        _items.Add(Diagnostic.Create(descriptor, span, Text, args));

    /// <summary>Removes what <paramref name="keep"/> rejects (suppressed diagnostics).</summary>
    public void RemoveWhere(Predicate<Diagnostic> drop) => _items.RemoveAll(drop);

    /// <summary>Replaces diagnostics, e.g. to raise warnings to errors.</summary>
    public void Transform(Func<Diagnostic, Diagnostic> change)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            _items[i] = change(_items[i]);
        }
    }

    /// <summary>The diagnostics sorted by file and position; ties keep the order they were found in.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() => ToSortedList(static _ => true);

    /// <summary>The diagnostics <paramref name="keep"/> accepts, sorted like <see cref="ToSortedList()"/>.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList(Func<Diagnostic, bool> keep) =>
        [.. _items
            .Select((d, i) => (d, i))
            .Where(x => keep(x.d))
            .OrderBy(x => x.d.Span.Path, StringComparer.Ordinal)
            .ThenBy(x => x.d.Span.Line)
            .ThenBy(x => x.d.Span.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)];
}
