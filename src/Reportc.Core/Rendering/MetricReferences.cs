using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reportc.Binding;
using Reportc.Diagnostics;
using Reportc.Model;

namespace Reportc.Rendering;

/// <summary>Replaces <c>{{id}}</c> in narrative with the metric's value and unit, and reports references to nothing.</summary>
public sealed partial class MetricReferences
{
    private readonly Dictionary<string, MetricValue> _metrics;
    private readonly Dictionary<string, string> _builtins;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public MetricReferences(IEnumerable<MetricValue> metrics, int year)
    {
        _metrics = metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _builtins = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["next_year"] = (year + 1).ToString(CultureInfo.InvariantCulture),
        };
    }

    public IReadOnlySet<string> Used => _used;

    /// <summary>The text with every reference replaced; a bad reference is reported and left as typed.</summary>
    public string Resolve(Narrative narrative, DiagnosticBag diagnostics)
    {
        var text = narrative.Text;
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
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var lineEnd = text.IndexOf('\n', open);
            if (close < 0 || (lineEnd >= 0 && lineEnd < close))
            {
                var end = lineEnd < 0 ? text.Length : lineEnd;
                diagnostics.Report(Descriptors.BadReference, narrative.SpanOf(open, 2), YamlNodesShorten(text[open..end]));
                result.Append(text, open, 2);
                at = open + 2;
                continue;
            }

            var name = text[(open + 2)..close].Trim();
            var span = narrative.SpanOf(open, close + 2 - open);
            if (_builtins.TryGetValue(name, out var builtin))
            {
                result.Append(builtin);
            }
            else if (_metrics.TryGetValue(name, out var metric))
            {
                _used.Add(name);
                result.Append(metric.Text);
                var after = close + 2;
                if (metric.Unit.Length > 0 && string.CompareOrdinal(text, after, metric.Unit, 0, metric.Unit.Length) == 0)
                {
                    diagnostics.Report(Descriptors.UnitTwice, narrative.SpanOf(after, metric.Unit.Length), metric.Unit, name, metric.Text + metric.Unit);
                }
            }
            else if (!Identifier().IsMatch(name))
            {
                diagnostics.Report(Descriptors.BadReference, span, text[open..(close + 2)]);
                result.Append(text, open, close + 2 - open);
            }
            else
            {
                diagnostics.Report(Descriptors.UndefinedMetric, span, name, Suggestions.DidYouMean(name, _metrics.Keys, diagnostics.Text));
                result.Append(text, open, close + 2 - open);
            }

            at = close + 2;
        }

        result.Append(text, at, text.Length - at);
        return result.ToString();
    }

    private static string YamlNodesShorten(string text) => text.Length <= 24 ? text : string.Concat(text.AsSpan(0, 24), "…");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
