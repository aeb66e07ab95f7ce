using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reportc.Binding;
using Reportc.Diagnostics;
using Reportc.Model;

namespace Reportc.Rendering;

/// <summary>
/// Replaces <c>{{id}}</c> in narrative with the metric's value and unit, <c>{{id.prev}}</c> with last
/// year's, <c>{{id.change}}</c> with the change in words; reports references to nothing.
/// </summary>
public sealed partial class MetricReferences
{
    private readonly Dictionary<string, MetricValue> _metrics;
    private readonly Dictionary<string, string> _builtins;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly PreviousYear? _previous;
    private readonly HashSet<string> _pending;

    private readonly TableReferences? _tables;

    public MetricReferences(IEnumerable<MetricValue> metrics, int year, PreviousYear? previous = null, IEnumerable<string>? pending = null, Report? report = null)
    {
        _tables = report is null ? null : new TableReferences(report.Kind.Tables, report.Tables);
        _metrics = metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _previous = previous;
        _pending = new HashSet<string>(pending ?? [], StringComparer.Ordinal);
        _builtins = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["next_year"] = (year + 1).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>What a narrative shows for a metric still to be filled in (reportc new leaves them empty).</summary>
    public const string PendingText = "（待填）";

    public IReadOnlySet<string> Used => _used;

    /// <summary>The text with every reference replaced; a bad reference is reported and left as typed.</summary>
    public string Resolve(Narrative narrative, DiagnosticBag diagnostics)
    {
        var text = narrative.Text;
        var mistyped = Mistyped(narrative, diagnostics);
        var result = new StringBuilder(text.Length);
        var at = 0;
        while (true)
        {
            var open = text.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            result.Append(text, at, open - at);
            if (mistyped.Contains(open))
            {
                // Already reported as a reference typed with the wrong braces ({{id｝｝).
                result.Append(text, open, 2);
                at = open + 2;
                continue;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var lineEnd = text.IndexOf('\n', open);
            if (close < 0 || (lineEnd >= 0 && lineEnd < close))
            {
                var end = lineEnd < 0 ? text.Length : lineEnd;
                diagnostics.Report(Descriptors.BadReference, narrative.SpanOf(open, 2), Loading.YamlNodes.Shorten(text[open..end]));
                result.Append(text, open, 2);
                at = open + 2;
                continue;
            }

            var reference = text[(open + 2)..close].Trim();
            var dot = reference.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? reference : reference[..dot];
            var member = dot < 0 ? null : reference[(dot + 1)..];
            var span = narrative.SpanOf(open, close + 2 - open);
            if (_tables is not null && !_metrics.ContainsKey(name) && (_tables.IsTable(name) || member?.Contains('.', StringComparison.Ordinal) == true))
            {
                // {{table.row.column}}: a table cell.
                result.Append(_tables.Resolve(reference, span, diagnostics, out _) ?? text[open..(close + 2)]);
            }
            else if (member is null && _builtins.TryGetValue(name, out var builtin))
            {
                result.Append(builtin);
            }
            else if (_pending.Contains(name))
            {
                _used.Add(name);
                result.Append(PendingText);
            }
            else if (_metrics.TryGetValue(name, out var metric) && member is null or "prev" or "change")
            {
                _used.Add(name);
                result.Append(member switch
                {
                    "prev" => Previous(metric, span, diagnostics)?.Text ?? text[open..(close + 2)],
                    "change" => Change(metric, span, diagnostics),
                    _ => metric.Text,
                });
                var after = close + 2;
                if (member is null && metric.Unit.Length > 0 && string.CompareOrdinal(text, after, metric.Unit, 0, metric.Unit.Length) == 0)
                {
                    diagnostics.Report(Descriptors.UnitTwice, narrative.SpanOf(after, metric.Unit.Length), metric.Unit, name, metric.Text + metric.Unit);
                }
            }
            else if (!Kinds.MetricDefinition.IsId(name) || (member is not null && _metrics.ContainsKey(name)))
            {
                diagnostics.Report(Descriptors.BadReference, span, text[open..(close + 2)]);
                result.Append(text, open, close + 2 - open);
            }
            else
            {
                diagnostics.Report(Descriptors.UndefinedMetric, span, name, DidYouMean.Phrase(name, _metrics.Keys, diagnostics.Text));
                result.Append(text, open, close + 2 - open);
            }

            at = close + 2;
        }

        result.Append(text, at, text.Length - at);
        return result.ToString();
    }

    // A reference typed with full-width braces (a Chinese input method types ｛｛id｝｝) or with single
    // braces ({id}) would be printed as typed: an error at it, naming the reference meant. Single
    // half-width braces count only around a name the report knows; where they are ours, the positions
    // of the "{{" are returned so the reference pass does not report them again.
    private static readonly HashSet<int> None = [];

    private HashSet<int> Mistyped(Narrative narrative, DiagnosticBag diagnostics)
    {
        var text = narrative.Text;
        if (text.AsSpan().IndexOfAny('{', '｛') < 0)
        {
            return None;
        }

        HashSet<int>? starts = null;

        foreach (Match m in Braced().Matches(text))
        {
            var (open, close, name) = (m.Groups["open"].Value, m.Groups["close"].Value, m.Groups["name"].Value);
            if (open == "{{" && close == "}}")
            {
                continue;
            }

            var id = name.Split('.')[0];
            var known = _metrics.ContainsKey(id) || _builtins.ContainsKey(id) || _pending.Contains(id) || _tables?.IsTable(id) == true;
            var fullWidth = open.Contains('｛', StringComparison.Ordinal) || close.Contains('｝', StringComparison.Ordinal);
            if (!known && !(fullWidth && open.Length == 2 && close.Length == 2))
            {
                continue;
            }

            if (known)
            {
                _used.Add(id); // the reference is meant; RC0402 (unused) would only mislead
            }

            diagnostics.Report(Descriptors.MistypedReference, narrative.SpanOf(m.Index, m.Length), m.Value, name);
            if (open == "{{")
            {
                (starts ??= []).Add(m.Index);
            }
        }

        return starts ?? None;
    }

    [GeneratedRegex(@"(?<![{｛])(?<open>[{｛]{1,2})[ \t　]*(?<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*){0,2})[ \t　]*(?<close>[}｝]{1,2})(?![}｝])")]
    private static partial Regex Braced();

    // Last year's value of a metric when the years can be compared; false (reported) when there is no
    // previous report or the unit changed. A metric last year's report lacks is comparable, with no value.
    private bool TryPrevious(MetricValue metric, Diagnostics.SourceSpan span, DiagnosticBag diagnostics, out MetricValue? before)
    {
        before = null;
        if (_previous is null)
        {
            diagnostics.Report(Descriptors.NoPreviousReport, span, metric.Id);
            return false;
        }

        before = _previous.Metrics.FirstOrDefault(m => m.Id == metric.Id);
        if (before is not null && before.Unit != metric.Unit)
        {
            diagnostics.Report(Descriptors.UnitChanged, span, metric.Id, before.Unit, metric.Unit);
            return false;
        }

        return true;
    }

    private MetricValue? Previous(MetricValue metric, Diagnostics.SourceSpan span, DiagnosticBag diagnostics)
    {
        if (!TryPrevious(metric, span, diagnostics, out var before))
        {
            return null;
        }

        if (before is null)
        {
            diagnostics.Report(Descriptors.NoPreviousValue, span, metric.Id, _previous!.Path);
        }

        return before;
    }

    private string Change(MetricValue metric, Diagnostics.SourceSpan span, DiagnosticBag diagnostics) =>
        TryPrevious(metric, span, diagnostics, out var before) ? ChangePhrase.For(metric, before) : ChangePhrase.NoPrevious;
}
