using System.Globalization;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;

namespace Reportc.Import;

/// <summary>
/// Numbers with their units in the text become metrics referenced as {{id}}: 19次, 750余人次, 11.88万元, 3万余份,
/// 100%. Years, dates, 第N, 〔2025〕4号, "八五", "3+N" and numbers inside 《》 stay text. One fact written twice
/// (the same number, the same words before it) becomes one metric; the kind's catalogue gives the id where
/// its label matches.
/// </summary>
internal sealed partial class MetricRecogniser(ImportedReport report, string path, DiagnosticBag diagnostics)
{
    private const string Delimiters = "，。；、：（）()《》,;:\n！？!?";

    private static readonly string[] LeadingFillers = ["全年共", "全年", "累计", "共计", "共", "其中", "另", "并", "同时", "先后", "已", "还", "均", "及时"];
    private static readonly string[] TrailingFillers = ["达到", "共计", "累计", "达", "为", "约", "近", "超过", "逾", "了"];

    private readonly List<Slot> _slots = [];
    private readonly Dictionary<string, int> _idNumbers = new(StringComparer.Ordinal);

    public void Run()
    {
        Collect();
        var found = new List<Occurrence>();
        var grouping = new Grouping();
        Occurrence? left = null;
        foreach (var slot in _slots)
        {
            slot.Text = BoldNumber().Replace(slot.Text, "$1");
            var context = new Surroundings(slot.Text);
            for (var m = Quantity().Match(slot.Text); m.Success; m = m.NextMatch())
            {
                if (context.InsideTitleOrVerbatimLine(m.Index))
                {
                    continue;
                }

                var unit = (m.Groups["wan"].Success ? m.Groups["wan"].Value : "") + (m.Groups["unit"].Value == "％" ? "%" : m.Groups["unit"].Value);
                var approx = m.Groups["yu"].Success && unit != "%";
                // A number the metric would write otherwise (20.0% → 20%, 11.9万元 → 11.90万元) stays text: a
                // published number is never altered.
                var written = m.Value.Replace(" ", "", StringComparison.Ordinal).Replace('\u00A0', ' ').Replace(" ", "", StringComparison.Ordinal).Replace('％', '%');
                if (!decimal.TryParse(m.Groups["num"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    || new Model.MetricValue("m", "", number, unit, approx, default).Text != written)
                {
                    continue;
                }

                var (label, contextStart) = LabelOf(slot.Text, m.Index, m.Index + m.Length);
                var o = new Occurrence(slot, m.Index, m.Length, Pooled(m.Groups["num"].Value), approx, Pooled(unit), Pooled(label), contextStart, Pooled(m.Value.Replace(" ", "", StringComparison.Ordinal)));
                if (grouping.Add(o))
                {
                    found.Add(o);
                }
                else
                {
                    // A report has a few hundred numbers; a file with tens of thousands of facts is not one, and
                    // the numbers of further facts stay text (said once) rather than make a report file many times
                    // the size of the source.
                    left ??= o;
                }
            }
        }

        if (left is not null)
        {
            diagnostics.Report(Descriptors.ImportTooManyNumbers, SourceSpan.At(path, Math.Max(1, left.Slot.Line), 1), MaxMetrics);
        }

        _pool.Clear();
        var groups = grouping.Groups;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var catalogueUsed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var metric = Name(group, taken, catalogueUsed);
            report.Metrics.Add(metric);
            foreach (var o in group)
            {
                o.Metric = metric;
            }
        }

        // Each text rewritten once, its numbers (found text by text, in order) replaced by their metric's reference.
        var next = 0;
        foreach (var slot in _slots)
        {
            if (next < found.Count && found[next].Slot == slot)
            {
                var text = new System.Text.StringBuilder(slot.Text.Length);
                var at = 0;
                for (; next < found.Count && found[next].Slot == slot; next++)
                {
                    var o = found[next];
                    if (o.Metric is null)
                    {
                        continue;
                    }

                    text.Append(slot.Text, at, o.Position - at).Append("{{").Append(o.Metric!.Id).Append("}}");
                    at = o.Position + o.Length;
                }

                slot.Text = text.Append(slot.Text, at, slot.Text.Length - at).ToString();
            }

            slot.Write(slot.Text);
        }
    }

    // The same words and numbers, written a thousand times in a long file, held once.
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    private string Pooled(string value)
    {
        if (_pool.TryGetValue(value, out var held))
        {
            return held;
        }

        _pool[value] = value;
        return value;
    }

    private void Collect()
    {
        for (var i = 0; i < report.Preamble.Count; i++)
        {
            var index = i;
            _slots.Add(new Slot(report.Preamble[i], 0, t => report.Preamble[index] = t, _slots.Count));
        }

        foreach (var section in report.Sections.OrderBy(s => s.Line == 0 ? int.MaxValue : s.Line))
        {
            CollectNode(section);
        }
    }

    private void CollectNode(ImportedNode node)
    {
        for (var i = 0; i < node.Paragraphs.Count; i++)
        {
            var index = i;
            _slots.Add(new Slot(node.Paragraphs[i], node.Line, t => node.Paragraphs[index] = t, _slots.Count));
        }

        foreach (var point in node.Points)
        {
            _slots.Add(new Slot(point.Text, point.Line, t => point.Text = t, _slots.Count));
        }

        foreach (var sub in node.Subsections)
        {
            CollectNode(sub);
        }
    }

    // One group a fact: the same number (and 余, and 万) with the same words before it, or the same unit and
    // the words of one found around the other; percentages never join counts. A fact joins the first group it
    // matches; a document with thousands of numbers (far beyond a report) is compared with the first groups of
    // its number and their first members only, then with the last group of the very same words, so the work per
    // number is bounded and a huge file takes time in proportion to its size.
    private sealed class Grouping
    {
        private readonly Dictionary<(string Value, bool Approximate, bool Percent, bool Wan), List<List<Occurrence>>> _byKey = [];
        private readonly Dictionary<(string Value, bool Approximate, bool Percent, bool Wan, string Label), List<Occurrence>> _byWords = [];

        public List<List<Occurrence>> Groups { get; } = [];

        /// <summary>Puts <paramref name="o"/> (numbers come text by text, in order) in its group; false when it would start one past the limit.</summary>
        public bool Add(Occurrence o)
        {
            List<Occurrence>? home = null;
            // A label under two characters joins nothing (SameFact), and nothing joins it.
            if (o.Label.Length >= 2)
            {
                var key = (o.Value, o.Approximate, o.Unit == "%", o.Unit.StartsWith('万'));
                var words = (o.Value, o.Approximate, o.Unit == "%", o.Unit.StartsWith('万'), o.Label);
                _byKey.TryGetValue(key, out var candidates);
                // A group's last member is the one that could share o's text.
                home = candidates?.Take(MaxGroupsCompared)
                    .FirstOrDefault(g => g[^1].Slot != o.Slot && g.Take(MaxMembersCompared).Any(other => SameFact(other, o)));
                if (home is null && _byWords.TryGetValue(words, out var same) && same[^1].Slot != o.Slot)
                {
                    home = same;
                }

                if (home is null)
                {
                    if (Groups.Count == MaxMetrics)
                    {
                        return false;
                    }

                    home = [];
                    Groups.Add(home);
                    if (candidates is null)
                    {
                        _byKey[key] = candidates = [];
                    }

                    candidates.Add(home);
                }

                _byWords[words] = home;
            }
            else
            {
                if (Groups.Count == MaxMetrics)
                {
                    return false;
                }

                home = [];
                Groups.Add(home);
            }

            home.Add(o);
            return true;
        }
    }

    private const int MaxGroupsCompared = 64;
    private const int MaxMembersCompared = 8;

    // The words before a number read back to the last delimiter, at most this far (a text without punctuation
    // would otherwise give every number the whole text before it).
    private const int MaxLabelLength = 40;

    private const int MaxMetrics = 10_000;

    private static bool SameFact(Occurrence a, Occurrence b)
    {
        if (a.Value != b.Value || a.Approximate != b.Approximate || (a.Unit == "%") != (b.Unit == "%")
            || a.Unit.StartsWith('万') != b.Unit.StartsWith('万') || a.Label.Length < 2 || b.Label.Length < 2)
        {
            return false;
        }

        if (TextMatch.Covered(a.Label, b.Label) >= 0.75)
        {
            return true;
        }

        var distinctive = a.Value.Contains('.', StringComparison.Ordinal) || decimal.Parse(a.Value, CultureInfo.InvariantCulture) >= 10;
        return a.Unit == b.Unit && distinctive
            && Math.Max(Share(a.Label, b.Context), Share(b.Label, a.Context)) >= 0.6;
    }

    private static double Share(string label, ReadOnlySpan<char> context) => label.Length == 0 ? 0 : (double)TextMatch.Common(label, context) / label.Length;

    private ImportedMetric Name(List<Occurrence> group, ISet<string> taken, ISet<string> catalogueUsed)
    {
        var first = group[0];
        var units = group.Select(o => o.Unit).Distinct(StringComparer.Ordinal).ToList();
        var labels = group.Select(o => o.Label).Distinct(StringComparer.Ordinal).ToList();

        // The catalogue's metric whose label the words match best, in one of the units written.
        var best = report.Kind.Metrics.Values
            .Where(d => !catalogueUsed.Contains(d.Id) && d.Unit is not null && units.Contains(d.Unit))
            .Select(d => (Definition: d, Score: labels.Max(l => CatalogueScore(d.Label, l))))
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).FirstOrDefault();
        ImportedMetric metric;
        if (best.Definition is not null)
        {
            catalogueUsed.Add(best.Definition.Id);
            taken.Add(best.Definition.Id);
            metric = new ImportedMetric(best.Definition.Id, best.Definition.Label, first.Value, best.Definition.Unit!, first.Approximate) { InCatalogue = true };
        }
        else
        {
            metric = new ImportedMetric(MetricIds.Make(first.Label, taken, _idNumbers), first.Label, first.Value, first.Unit, first.Approximate);
        }

        // The first two places: the comment names them (and whether there are more than one).
        foreach (var o in group.Take(2))
        {
            metric.Uses.Add((o.Slot.Line, o.Words(), o.Unit));
        }

        if (units.Count > 1)
        {
            var other = group.First(o => o.Unit != metric.Unit);
            var same = group.First(o => o.Unit == metric.Unit);
            diagnostics.Report(Descriptors.ImportUnitsDiffer, SourceSpan.At(path, Math.Max(1, other.Slot.Line), 1),
                metric.Label, other.Written, same.Written, same.Slot.Line, metric.Id, metric.Unit);
        }

        return metric;
    }

    // Most of the catalogue label's characters, in order, among the words (and the words not much longer).
    private static double CatalogueScore(string catalogue, string words)
    {
        var common = TextMatch.Common(catalogue, words);
        var ofCatalogue = (double)common / catalogue.Length;
        return ofCatalogue >= 0.66 && common >= 2 && (double)common / words.Length >= 0.3 ? ofCatalogue + (0.01 * common / words.Length) : 0;
    }

    // The words before the number back to the last delimiter, fillers (全年, 共, 达到) out; a verb alone
    // (建成1个国家级) takes the words after the unit too.
    private static (string Label, int ContextStart) LabelOf(string text, int start, int end)
    {
        var from = start;
        while (from > 0 && start - from < MaxLabelLength && !Delimiters.Contains(text[from - 1], StringComparison.Ordinal) && !(from >= 2 && text[(from - 2)..from] == "}}"))
        {
            from--;
        }

        var label = Clean(text[from..start]);
        if (label.Length <= 2)
        {
            var to = end;
            while (to < text.Length && !Delimiters.Contains(text[to], StringComparison.Ordinal) && text[to] != '{' && to - end < 12)
            {
                to++;
            }

            label = Clean(label + text[end..to].TrimStart('的'));
        }

        return (label, Math.Max(0, start - 60));
    }

    private static string Clean(string words)
    {
        var label = Markup().Replace(words, "").Trim();
        foreach (var filler in LeadingFillers.Where(f => label.StartsWith(f, StringComparison.Ordinal) && label.Length > f.Length + 1))
        {
            label = label[filler.Length..];
            break;
        }

        foreach (var filler in TrailingFillers.Where(f => label.EndsWith(f, StringComparison.Ordinal) && label.Length > f.Length + 1))
        {
            label = label[..^filler.Length];
            break;
        }

        return label.Trim();
    }

    // What comes before a number in its text, read once from the start as the numbers come in order: a row of
    // a table kept as text (its numbers stay as they are), and 《…》, inside which a number is part of a name
    // (《2024年全面依法治镇工作要点》).
    private sealed class Surroundings(string text)
    {
        private int _read;
        private int _lineStart;
        private bool _inTitle;

        public bool InsideTitleOrVerbatimLine(int at)
        {
            for (; _read < at; _read++)
            {
                switch (text[_read])
                {
                    case '\n': _lineStart = _read + 1; break;
                    case '《': _inTitle = true; break;
                    case '》': _inTitle = false; break;
                }
            }

            return _inTitle || (_lineStart < text.Length && text[_lineStart] == TableImport.Verbatim);
        }
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z.．,，第/·\-+])(?<num>[0-9]+(?:\.[0-9]+)?)[ \u00A0]*(?<wan>[万亿])?[ \u00A0]*(?<yu>余)?[ \u00A0]*(?<unit>人次|户次|场次|件次|课时|小时|平方米|公里|亿元|元|次|件|起|条|个|名|人|户|期|本|份|场|项|家|册|篇|所|处|批|宗|套|台|辆|天|%|％)(?![0-9A-Za-z+])")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\*\*[ \u00A0]*([0-9]+(?:\.[0-9]+)?[%％]?)[ \u00A0]*\*\*")]
    private static partial Regex BoldNumber();

    [GeneratedRegex(@"\*\*|\{\{[^}]*\}\}|[“”""‘’]")]
    private static partial Regex Markup();

    private sealed class Slot(string text, int line, Action<string> write, int order)
    {
        public string Text { get; set; } = text;

        public int Line { get; } = line;

        public int Order { get; } = order;

        public void Write(string value) => write(value);
    }

    private sealed record Occurrence(Slot Slot, int Position, int Length, string Value, bool Approximate, string Unit, string Label, int ContextStart, string Written)
    {
        public ImportedMetric? Metric { get; set; }

        // The 60 characters before the number (read before the texts are rewritten).
        public ReadOnlySpan<char> Context => Slot.Text.AsSpan(ContextStart, Position - ContextStart);

        public string Words() => Label + Written;
    }
}
