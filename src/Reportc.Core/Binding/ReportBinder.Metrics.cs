using System.Globalization;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Model;
using Reportc.Text;
using YamlDotNet.RepresentationModel;

namespace Reportc.Binding;

/// <summary>Metrics: <c>id: 19 次</c>, <c>id: 750余 人次</c>, or <c>id: { value, unit, label, approx }</c>.</summary>
internal sealed partial class ReportBinder
{
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal) { "year", "next_year" };

    private static readonly string[] MetricKeys = ["value", "unit", "label", "approx"];

    // Units that count things one by one: a value in them is a whole number.
    private static readonly HashSet<string> CountingUnits =
        ["次", "件", "条", "起", "个", "名", "人", "人次", "户", "期", "场", "场次", "份", "本", "册", "项", "家", "所", "村", "处", "批", "篇", "部", "张", "套", "台", "辆"];

    private static readonly string[] GrowthWords = ["增长", "增幅", "增速", "同比", "环比", "变化", "变动", "下降", "降幅", "提高", "提升"];

    private List<MetricValue> BindMetrics(YamlMappingNode root, ReportKind kind)
    {
        var metrics = new List<MetricValue>();
        var node = root.Get("metrics");
        var where = root.Children.Keys.FirstOrDefault(k => k.KeyText() == "metrics") ?? (YamlNode)root;
        foreach (var required in kind.Metrics.Values.Where(m => m.Required && (node is not YamlMappingNode given || given.Get(m.Id) is null)))
        {
            Report(Descriptors.RequiredMetricMissing, where, required.Id, required.Label);
        }

        if (node is null)
        {
            return metrics;
        }

        if (node is not YamlMappingNode map)
        {
            if (!node.IsEmpty())
            {
                Report(Descriptors.WrongNodeType, node, "metrics", T("MetricsMapping"), node.Describe(_diagnostics.Text));
            }

            return metrics;
        }

        foreach (var (key, value) in map.Children)
        {
            var id = key.KeyText();
            if (!MetricDefinition.IsId(id) || ReservedNames.Contains(id))
            {
                Report(Descriptors.MetricBadId, key, id, ReservedNames.Contains(id) ? _diagnostics.Text.Format("Reserved", id) : "");
                continue;
            }

            _failed = false; // (BindRoot keeps what came before)
            if (BindMetric(id, value, kind.Metrics.GetValueOrDefault(id), kind.Metrics.Keys.Where(k => map.Get(k) is null)) is { } metric)
            {
                metrics.Add(metric);
            }
            else if (_failed)
            {
                _broken.Add(id);
            }
        }

        return metrics;
    }

    private MetricValue? BindMetric(string id, YamlNode node, MetricDefinition? known, IEnumerable<string> unusedCatalogue)
    {
        string? valueText;
        YamlNode valueNode = node;
        string? unit = null;
        string? label = null;
        var approximate = false;
        if (node is YamlMappingNode map)
        {
            CheckKeys(map, MetricKeys, () => _diagnostics.Text.Format("MetricNamed", id));
            valueNode = map.Get("value") ?? map;
            valueText = map.Get("value") is { } v && !IsPending(v) ? Scalar(v, $"metrics.{id}.value") : null;
            unit = map.Get("unit") is { } u ? Scalar(u, $"metrics.{id}.unit")?.Trim() : null;
            label = map.Get("label") is { } l ? Scalar(l, $"metrics.{id}.label")?.Trim() : null;
            approximate = map.Get("approx") is YamlScalarNode { Value: var approx } && Text.YamlScalar.Boolean(approx) == true;
            if (valueText is null && map.Get("value") is { } empty && IsPending(empty))
            {
                _pending.Add((id, YamlLoader.SpanOf(_source.Path, empty), id));
                return null;
            }

            if (valueText is null)
            {
                Report(Descriptors.MissingKey, map, $"metrics.{id}.value", T("TheNumber"));
                return null;
            }
        }
        else
        {
            if (IsPending(node))
            {
                // Left empty (reportc new writes ~ with last year's value in a comment): to be filled in.
                _pending.Add((id, YamlLoader.SpanOf(_source.Path, node), id));
                return null;
            }

            valueText = Scalar(node, $"metrics.{id}");
            if (valueText is null)
            {
                return null;
            }
        }

        var match = MetricText().Match(NormalizeNumber(valueText));
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            Report(Descriptors.MetricNotNumber, valueNode, id, YamlNodes.Shorten(valueText));
            return null;
        }

        // Changes and shares must not overflow: no report's number has 16 digits before the point.
        if (!Numbers.InRange(number))
        {
            Report(Descriptors.NumberOutOfRange, valueNode, $"metrics.{id}", YamlNodes.Shorten(valueText));
            return null;
        }

        approximate |= match.Groups["approx"].Success;
        if (match.Groups["unit"].Value is { Length: > 0 } written)
        {
            // 2万余 人次 and 2.5万 人次, as Chinese writes them: 万 (亿) belongs to the unit, 余 marks the value approximate.
            var typedUnit = written;
            if (written.Length > 1 && written[0] is '万' or '亿')
            {
                var rest = written.AsSpan(1).TrimStart();
                approximate |= rest.StartsWith('余');
                typedUnit = written[0] + rest.TrimStart('余').TrimStart().ToString();
            }

            if (unit is not null && unit != typedUnit)
            {
                Report(Descriptors.InvalidValue, valueNode, $"metrics.{id}", valueText, _diagnostics.Text.Format("UnitConflict", typedUnit, unit));
            }

            unit = typedUnit;
        }

        var unitMismatch = false;
        if (known?.Unit is { } catalogueUnit)
        {
            // A count in 万 or 亿 of the catalogue's unit is the same measure, written the Chinese way: 2万余人次.
            if (unit is not null && unit != catalogueUnit && !IsTenThousands(unit, catalogueUnit))
            {
                Report(Descriptors.MetricUnitMismatch, valueNode, id, known.Label, catalogueUnit, unit);
                unitMismatch = true;
            }

            unit ??= catalogueUnit;
        }

        if (unit is null)
        {
            Report(Descriptors.MetricNoUnit, valueNode, id);
            return null;
        }

        label ??= known?.Label;
        if (label is null)
        {
            // Most often a catalogue id misspelt: name the one meant before asking for a label.
            Report(Descriptors.MetricNoLabel, node, id, DidYouMean.Phrase(id, unusedCatalogue, _diagnostics.Text));
            return null;
        }

        if (number < 0)
        {
            Report(Descriptors.MetricNegative, valueNode, id, valueText);
        }

        if (unit == "%" && approximate)
        {
            Report(Descriptors.ApproximatePercent, valueNode, id);
        }

        if (unit == "%" && number > 100)
        {
            // A 率 that is a share of a whole (合格率, 成功率, 持证率) cannot pass 100%; a growth rate can.
            if (label.EndsWith('率') && !GrowthWords.Any(label.Contains))
            {
                Report(Descriptors.ShareOver100, valueNode, id, label, number);
            }
            else
            {
                Report(Descriptors.MetricPercentOver, valueNode, id, number);
            }
        }

        // A fraction in a wrong unit (97.6 件 for a percentage) is the wrong unit, already reported.
        if (CountingUnits.Contains(unit) && number != decimal.Truncate(number) && !unitMismatch)
        {
            Report(Descriptors.CountNotWhole, valueNode, id, unit, valueText);
        }

        return new MetricValue(id, label, number, unit, approximate, YamlLoader.SpanOf(_source.Path, node)) { Typed = TypedNumber(match.Groups["number"].Value) };
    }

    private static bool IsTenThousands(string unit, string catalogueUnit) =>
        unit.Length == catalogueUnit.Length + 1 && unit[0] is '万' or '亿' && unit.EndsWith(catalogueUnit, StringComparison.Ordinal)
        && catalogueUnit is not ("%" or "") && catalogueUnit[0] is not ('万' or '亿');

    // The digits as typed, full-width ones and thousands separators read (NormalizeNumber); a leading + is no part of it.
    private static string TypedNumber(string number) => number.TrimStart('+');

    private static bool IsPending(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "TODO" };

    // Full-width digits and thousands separators are how people type numbers; they mean the same number.
    private static string NormalizeNumber(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('０', '９') < 0 && !text.Contains('．') && !text.Contains(','))
        {
            return text;
        }

        var chars = text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c is '．' ? '.' : c).ToArray();
        return ThousandsSeparator().Replace(new string(chars), "");
    }

    [GeneratedRegex("(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"^\s*(?<number>[+-]?[0-9]+(?:\.[0-9]+)?)\s*(?<approx>余)?\s*(?<unit>\S.*?)?\s*$")]
    private static partial Regex MetricText();
}
