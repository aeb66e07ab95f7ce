using Reportc.Diagnostics;
using Reportc.Model;
using Reportc.Binding;

namespace Reportc.Tests.YearOverYear;

public sealed class ChangePhraseTests
{
    private static MetricValue M(decimal value, string unit = "件") => new("m", "l", value, unit, false, SourceSpan.At("f", 1, 1));

    [Theory]
    [InlineData(38, 30, "同比增长26.7%")]
    [InlineData(35, 40, "同比下降12.5%")]
    [InlineData(12, 12, "与上年持平")]
    [InlineData(2, 0, "上年为0件")]
    [InlineData(0, 0, "与上年持平")]
    [InlineData(0, 5, "同比下降100.0%")]
    [InlineData(1, 3, "同比下降66.7%")]
    public void Changes_are_written_the_chinese_way(int now, int then, string expected) =>
        Assert.Equal(expected, ChangePhrase.For(M(now), M(then)));

    [Fact]
    public void A_missing_previous_value_has_its_own_wording() =>
        Assert.Equal("上年无可比数据", ChangePhrase.For(M(5), null));

    [Theory]
    [InlineData(98.0, 97.5, "同比提高0.5个百分点")]
    [InlineData(90, 95.25, "同比下降5.25个百分点")]
    [InlineData(100, 100, "与上年持平")]
    public void Percentages_change_by_percentage_points(double now, double then, string expected) =>
        Assert.Equal(expected, ChangePhrase.For(M((decimal)now, "%"), M((decimal)then, "%")));

    [Fact]
    public void The_sample_pair_renders_its_year_on_year_phrases()
    {
        var md = new ReportCompiler(new Kinds.KindCatalog()).Compile(Path.Combine(TestPaths.Root, "samples", "shili-2024.yaml")).Output("md");
        Assert.Contains("集中学法12次，与上年持平。", md);
        Assert.Contains("行政合同38件，同比增长26.7%。", md);
        Assert.Contains("行政处罚案件12起，同比下降20.0%", md);
        Assert.Contains("罚款3.6万元，上年为4.5万元", md);
        Assert.Contains("行政复议收案2件，上年为0件。", md);
        Assert.Contains("成功率98.0%，同比提高0.5个百分点", md);
        Assert.Contains("法律援助35人次，上年无可比数据。", md);
    }

    [Theory]
    [InlineData("previous: nowhere-2023.yaml", "RC0901")]
    [InlineData("previous: shili-2024.yaml", "RC0904")]
    public void The_previous_report_must_exist_and_be_the_year_before(string line, string code)
    {
        var yaml = File.ReadAllText(Path.Combine(TestPaths.Root, "samples", "shili-2024.yaml")).Replace("previous: shili-2023.yaml", line, StringComparison.Ordinal);
        var path = Path.Combine(TestPaths.Root, "samples", "shili-2024.yaml");
        var result = new ReportCompiler(new Kinds.KindCatalog()).CompileText(Loading.SourceText.FromString(path, yaml));
        Assert.Contains(result.Diagnostics, d => d.Code == code);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void A_change_without_a_previous_report_is_an_error_at_the_reference()
    {
        var result = TestReports.Compile(TestReports.WithDuty("    text: 学法{{central_group_study}}，{{central_group_study.change}}。", "  central_group_study: 19 次\n"));
        var error = Assert.Single(result.Diagnostics, d => d.Code == "RC0411");
        Assert.Equal(TestReports.WithDuty("    text: 学法{{central_group_study}}，{{central_group_study.change}}。", "  central_group_study: 19 次\n").Split('\n').ToList().FindIndex(l => l.Contains(".change", StringComparison.Ordinal)) + 1, error.Span.Line);
    }

    [Fact]
    public void A_metric_left_empty_renders_as_pending_in_a_draft()
    {
        var yaml = TestReports.WithDuty("    text: 学法{{central_group_study}}。", "  central_group_study: ~\n");
        var result = TestReports.Compile(yaml);
        Assert.Contains(result.Diagnostics, d => d.Code == "RC0410" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("学法（待填）。", result.Output("md"));
    }
}
