using Reportc.Diagnostics;

namespace Reportc.Import;

/// <summary>Word habits cleaned on the way in (manual numbering 1、, full-width indents, a heading's 。): one warning each.</summary>
internal sealed class Habits
{
    private readonly Dictionary<string, (int Line, int Count)> _seen = new(StringComparer.Ordinal);

    public void Saw(string key, int line) =>
        _seen[key] = _seen.TryGetValue(key, out var s) ? (s.Line, s.Count + 1) : (line, 1);

    public void Report(string path, DiagnosticBag diagnostics)
    {
        foreach (var (key, (line, count)) in _seen.OrderBy(kv => kv.Value.Line))
        {
            diagnostics.Report(Descriptors.ImportHabitCleaned, SourceSpan.At(path, line, 1), diagnostics.Text.Get(key), count);
        }
    }
}
