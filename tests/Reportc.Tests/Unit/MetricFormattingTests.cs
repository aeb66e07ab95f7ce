using Reportc.Diagnostics;
using Reportc.Model;

namespace Reportc.Tests.Unit;

public sealed class MetricFormattingTests
{
    [Theory]
    [InlineData("19", "次", false, "19次")]
    [InlineData("750", "人次", true, "750余人次")]
    [InlineData("11.88", "万元", false, "11.88万元")]
    [InlineData("11.9", "万元", false, "11.9万元")]
    [InlineData("5949.088667", "万元", false, "5949.088667万元")]
    [InlineData("316441", "万元", false, "316441万元")]
    [InlineData("3", "万元", true, "3万余元")]
    [InlineData("3500", "元", true, "3500余元")]
    [InlineData("3", "万份", true, "3万余份")]
    [InlineData("2", "万人次", true, "2万余人次")]
    [InlineData("3500", "元", false, "3500元")]
    [InlineData("0.80", "万元", false, "0.80万元")]
    [InlineData("2.5", "亿元", false, "2.5亿元")]
    [InlineData("100", "%", false, "100%")]
    [InlineData("26.7", "%", false, "26.7%")]
    [InlineData("98.50", "%", false, "98.50%")]
    [InlineData("3.60", "%", false, "3.60%")]
    [InlineData("1200", "本", true, "1200余本")]
    public void A_metric_is_written_exactly_as_typed_with_its_unit_and_no_space(string value, string unit, bool approx, string expected)
    {
        var metric = new MetricValue("m", "label", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, approx, SourceSpan.At("f", 1, 1));
        Assert.Equal(expected, metric.Text);
    }

    [Theory]
    [InlineData("万元", MetricKind.Money)]
    [InlineData("元", MetricKind.Money)]
    [InlineData("%", MetricKind.Percent)]
    [InlineData("人次", MetricKind.Count)]
    public void The_unit_decides_how_a_metric_is_written(string unit, MetricKind kind) =>
        Assert.Equal(kind, new MetricValue("m", "l", 1, unit, false, SourceSpan.At("f", 1, 1)).Kind);
}
