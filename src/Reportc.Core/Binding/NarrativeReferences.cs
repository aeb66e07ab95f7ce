using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reportc.Kinds;
using Reportc.Model;

namespace Reportc.Binding;

/// <summary>
/// Resolves the narrative's references once, when the report is bound with its previous year: <c>{{id}}</c>
/// to the metric's value, <c>{{id.prev}}</c> to last year's, <c>{{id.change}}</c> to the change in words,
/// <c>{{table.row.column}}</c> to the cell, <c>{{year}}</c> and <c>{{next_year}}</c>. What cannot be resolved is
/// printed as typed and kept with why (Checks.ReferenceChecks reports it); renderers only print the result.
/// </summary>
public static partial class NarrativeReferences
{
    /// <summary>What a narrative shows for a metric still to be filled in (reportc new leaves them empty).</summary>
    public const string PendingText = "（待填）";

    /// <summary>The report with <see cref="Report.References"/> resolved, its previous year given (null when none or unusable).</summary>
    public static Report Bind(Report report, PreviousYear? previous)
    {
        var resolver = new Resolver(report, previous);
        var texts = new List<ResolvedText>();
        // In the order the report prints them: each section's heading and body, then the preamble.
        foreach (var section in report.Sections)
        {
            texts.AddRange(Narratives.OfSection(section).Select(resolver.Resolve));
        }

        if (report.Preamble is not null)
        {
            texts.Add(resolver.Resolve(report.Preamble));
        }

        return report with { References = new ResolvedNarratives(texts, resolver.Used, previous) };
    }

    private sealed class Resolver
    {
        private readonly Dictionary<string, MetricValue> _metrics;
        private readonly Dictionary<string, string> _builtins;
        private readonly HashSet<string> _pending;
        private readonly PreviousYear? _previous;
        private readonly TableReferences _tables;

        public Resolver(Report report, PreviousYear? previous)
        {
            _tables = new TableReferences(report.Kind.Tables, report.Tables);
            _metrics = report.Metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);
            _previous = previous;
            _pending = new HashSet<string>(report.PendingMetrics.Select(p => p.Id).Concat(report.BrokenMetrics), StringComparer.Ordinal);
            _builtins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["year"] = report.Year.ToString(CultureInfo.InvariantCulture),
                ["next_year"] = (report.Year + 1).ToString(CultureInfo.InvariantCulture),
            };
        }

        public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

        /// <summary>The text with every reference replaced; a bad reference is kept (with why) and left as typed.</summary>
        public ResolvedText Resolve(Narrative narrative)
        {
            var text = narrative.Text;
            var mistyped = Mistyped(text, out var skipped);
            var references = new List<NarrativeReference>();
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
                if (skipped.Contains(open))
                {
                    // A reference typed with the wrong braces ({{id｝｝), kept in the mistyped list.
                    result.Append(text, open, 2);
                    at = open + 2;
                    continue;
                }

                var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
                var lineEnd = text.IndexOf('\n', open);
                if (close < 0 || (lineEnd >= 0 && lineEnd < close))
                {
                    var end = lineEnd < 0 ? text.Length : lineEnd;
                    references.Add(new NarrativeReference(open, 2, ReferenceOutcome.Unclosed, "{{") { Typed = text[open..end] });
                    result.Append(text, open, 2);
                    at = open + 2;
                    continue;
                }

                var typed = text[open..(close + 2)];
                var reference = text[(open + 2)..close].Trim();
                var dot = reference.IndexOf('.', StringComparison.Ordinal);
                var name = dot < 0 ? reference : reference[..dot];
                var member = dot < 0 ? null : reference[(dot + 1)..];
                var found = Resolve(open, typed, reference, name, member);
                references.Add(found);
                result.Append(found.Printed);
                at = close + 2;
            }

            result.Append(text, at, text.Length - at);
            return new ResolvedText(narrative, result.ToString(), mistyped, references);
        }

        private NarrativeReference Resolve(int open, string typed, string reference, string name, string? member)
        {
            NarrativeReference Found(ReferenceOutcome outcome, string printed) => new(open, typed.Length, outcome, printed) { Typed = typed, Name = name };

            if (!_metrics.ContainsKey(name) && (_tables.IsTable(name) || member?.Contains('.', StringComparison.Ordinal) == true))
            {
                // {{table.row.column}}: a table cell.
                var cell = _tables.Resolve(reference, out var fault, out _);
                return cell is null
                    ? Found(ReferenceOutcome.UnknownTableCell, typed) with { Name = reference, Fault = fault }
                    : Found(ReferenceOutcome.TableCell, cell) with { Name = reference };
            }

            if (member is null && _builtins.TryGetValue(name, out var builtin))
            {
                return Found(ReferenceOutcome.Builtin, builtin);
            }

            if (_pending.Contains(name))
            {
                Used.Add(name);
                return Found(ReferenceOutcome.Pending, PendingText);
            }

            if (_metrics.TryGetValue(name, out var metric) && member is null or "prev" or "change")
            {
                Used.Add(name);
                if (member is null)
                {
                    return Found(ReferenceOutcome.Value, metric.Text) with { Unit = metric.Unit };
                }

                var problem = Previous(metric, out var before);
                if (member == "change")
                {
                    return Found(ReferenceOutcome.Change, problem == PreviousProblem.None ? ChangePhrase.For(metric, before) : ChangePhrase.NoPrevious)
                        with { Unit = metric.Unit, Problem = problem, PreviousUnit = before?.Unit ?? "" };
                }

                if (problem == PreviousProblem.None && before is null)
                {
                    problem = PreviousProblem.NoPreviousValue;
                }

                return Found(ReferenceOutcome.Previous, problem == PreviousProblem.None ? before!.Text : typed)
                    with { Unit = metric.Unit, Problem = problem, PreviousUnit = before?.Unit ?? "" };
            }

            return !MetricDefinition.IsId(name) || (member is not null && _metrics.ContainsKey(name))
                ? Found(ReferenceOutcome.Malformed, typed)
                : Found(ReferenceOutcome.UndefinedMetric, typed);
        }

        // Last year's value of a metric when the years can be compared; a problem when there is no previous
        // report or the unit changed. A metric last year's report lacks is comparable, with no value.
        private PreviousProblem Previous(MetricValue metric, out MetricValue? before)
        {
            before = null;
            if (_previous is null)
            {
                return PreviousProblem.NoPreviousReport;
            }

            before = _previous.Metrics.FirstOrDefault(m => m.Id == metric.Id);
            return before is not null && before.Unit != metric.Unit ? PreviousProblem.UnitChanged : PreviousProblem.None;
        }

        // A reference typed with full-width braces (a Chinese input method types ｛｛id｝｝) or with single
        // braces ({id}) would be printed as typed: kept, with the reference meant. Single half-width braces
        // count only around a name the report knows; where they are ours, the positions of the "{{" are
        // given back so the reference pass does not take them again.
        private List<MistypedReference> Mistyped(string text, out HashSet<int> starts)
        {
            starts = [];
            var found = new List<MistypedReference>();
            if (text.AsSpan().IndexOfAny('{', '｛') < 0)
            {
                return found;
            }

            foreach (Match m in Braced().Matches(text))
            {
                var (open, close, name) = (m.Groups["open"].Value, m.Groups["close"].Value, m.Groups["name"].Value);
                if (open == "{{" && close == "}}")
                {
                    continue;
                }

                var id = name.Split('.')[0];
                var known = _metrics.ContainsKey(id) || _builtins.ContainsKey(id) || _pending.Contains(id) || _tables.IsTable(id);
                var fullWidth = open.Contains('｛', StringComparison.Ordinal) || close.Contains('｝', StringComparison.Ordinal);
                if (!known && !(fullWidth && open.Length == 2 && close.Length == 2))
                {
                    continue;
                }

                if (known)
                {
                    Used.Add(id); // the reference is meant; RC0402 (unused) would only mislead
                }

                found.Add(new MistypedReference(m.Index, m.Length, m.Value, name));
                if (open == "{{")
                {
                    starts.Add(m.Index);
                }
            }

            return found;
        }
    }

    [GeneratedRegex(@"(?<![{｛])(?<open>[{｛]{1,2})[ \t　]*(?<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*){0,2})[ \t　]*(?<close>[}｝]{1,2})(?![}｝])")]
    private static partial Regex Braced();
}
