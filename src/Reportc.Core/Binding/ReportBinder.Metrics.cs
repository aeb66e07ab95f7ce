using System.Globalization;
using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Model;
using YamlDotNet.RepresentationModel;

namespace Reportc.Binding;

/// <summary>Metrics: <c>id: 19 次</c>, <c>id: 750余 人次</c>, or <c>id: { value, unit, label, approx }</c>.</summary>
internal sealed partial class ReportBinder
{
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal) { "year", "next_year" };

    private static readonly string[] MetricKeys = ["value", "unit", "label", "approx"];

    private List<MetricValue> BindMetrics(YamlMappingNode root, ReportKind kind)
    {
        var metrics = new List<MetricValue>();
        if (root.Get("metrics") is not { } node)
        {
            return metrics;
        }

        if (node is not YamlMappingNode map)
        {
            if (!node.IsEmpty())
            {
                Report(Descriptors.WrongNodeType, node, "'metrics'", "a mapping of metric ids to values", node.Describe());
            }

            return metrics;
        }

        foreach (var (key, value) in map.Children)
        {
            var id = key.KeyText();
            if (!MetricId().IsMatch(id) || ReservedNames.Contains(id))
            {
                Report(Descriptors.MetricBadId, key, id, ReservedNames.Contains(id) ? $" ('{id}' is reserved)" : "");
                continue;
            }

            if (BindMetric(id, value, kind.Metrics.GetValueOrDefault(id)) is { } metric)
            {
                metrics.Add(metric);
            }
        }

        return metrics;
    }

    private MetricValue? BindMetric(string id, YamlNode node, MetricDefinition? known)
    {
        string? valueText;
        YamlNode valueNode = node;
        string? unit = null;
        string? label = null;
        var approximate = false;
        if (node is YamlMappingNode map)
        {
            CheckKeys(map, MetricKeys, $"metric '{id}'");
            valueNode = map.Get("value") ?? map;
            valueText = map.Get("value") is { } v ? Scalar(v, $"metrics.{id}.value") : null;
            unit = map.Get("unit") is { } u ? Scalar(u, $"metrics.{id}.unit")?.Trim() : null;
            label = map.Get("label") is { } l ? Scalar(l, $"metrics.{id}.label")?.Trim() : null;
            approximate = map.Get("approx") is YamlScalarNode { Value: "true" or "yes" };
            if (valueText is null)
            {
                Report(Descriptors.MissingKey, map, $"metrics.{id}.value", "the number");
                return null;
            }
        }
        else
        {
            valueText = Scalar(node, $"metrics.{id}");
            if (valueText is null)
            {
                return null;
            }
        }

        var match = MetricText().Match(valueText);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            Report(Descriptors.MetricNotNumber, valueNode, id, YamlNodes.Shorten(valueText));
            return null;
        }

        approximate |= match.Groups["approx"].Success;
        if (match.Groups["unit"].Value is { Length: > 0 } typedUnit)
        {
            if (unit is not null && unit != typedUnit)
            {
                Report(Descriptors.InvalidValue, valueNode, $"metrics.{id}", valueText, $"it names unit '{typedUnit}' but 'unit' says '{unit}'");
            }

            unit = typedUnit;
        }

        if (known?.Unit is { } catalogueUnit)
        {
            if (unit is not null && unit != catalogueUnit)
            {
                Report(Descriptors.MetricUnitMismatch, valueNode, id, known.Label, catalogueUnit, unit);
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
            Report(Descriptors.MetricNoLabel, node, id);
            return null;
        }

        if (number < 0)
        {
            Report(Descriptors.MetricNegative, valueNode, id, valueText);
        }

        if (unit == "%" && number > 100)
        {
            Report(Descriptors.MetricPercentOver, valueNode, id, number);
        }

        return new MetricValue(id, label, number, unit, approximate, YamlLoader.SpanOf(_source.Path, node));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex MetricId();

    [GeneratedRegex(@"^\s*(?<number>[+-]?[0-9]+(?:\.[0-9]+)?)\s*(?<approx>余)?\s*(?<unit>\S.*?)?\s*$")]
    private static partial Regex MetricText();
}
