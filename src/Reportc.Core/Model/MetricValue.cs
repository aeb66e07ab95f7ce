using System.Globalization;
using Reportc.Diagnostics;

namespace Reportc.Model;

/// <summary>How a metric's value is written: the unit decides.</summary>
public enum MetricKind
{
    Count,
    Money,
    Percent,
}

/// <summary>One metric of a report: typed once in YAML, written wherever the narrative refers to it.</summary>
public sealed record MetricValue(string Id, string Label, decimal Value, string Unit, bool Approximate, SourceSpan Span)
{
    private static readonly string[] MoneyUnits = ["元", "万元", "亿元"];

    public MetricKind Kind => Unit == "%" ? MetricKind.Percent : MoneyUnits.Contains(Unit) ? MetricKind.Money : MetricKind.Count;

    /// <summary>The number exactly as the report typed it (digits, decimals, trailing zeros: <c>5949.088667</c>, <c>3.60</c>).</summary>
    public string? Typed { get; init; }

    /// <summary>
    /// The number as printed: as typed, never rounded or padded (a published number is never altered); a value made
    /// without a typed text prints with the decimals it carries.
    /// </summary>
    public string NumberText => Typed ?? Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Value and unit as the narrative shows them: <c>19次</c>, <c>750余人次</c>, <c>11.88万元</c>, <c>100%</c>;
    /// an approximate amount puts 余 before 元: <c>3万余元</c>, <c>3500余元</c>; and after 万 or 亿 of any unit: <c>3万余份</c>.
    /// </summary>
    public string Text => Approximate && Kind == MetricKind.Money
        ? NumberText + Unit[..^1] + "余元"
        : Approximate && Unit.Length > 1 && Unit[0] is '万' or '亿'
            ? NumberText + Unit[0] + "余" + Unit[1..]
            : NumberText + (Approximate ? "余" : "") + Unit;
}
