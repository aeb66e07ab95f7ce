namespace Reportc.Tests.Unit;

public sealed class BindingDiagnosticsTests
{
    [Fact]
    public void A_missing_required_section_is_named_by_its_heading()
    {
        var yaml = TestReports.WithDuty("    text: 正文。").Replace("  problems: 问题。\n", "", StringComparison.Ordinal);
        var result = TestReports.Compile(yaml);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "RC0203");
        Assert.Contains("三、2024年推进法治政府建设存在问题短板及原因", error.Message);
        Assert.Contains("(problems)", error.Message);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public void A_misspelled_section_key_gets_a_suggestion_at_its_line()
    {
        var yaml = TestReports.WithDuty("    text: 正文。").Replace("  problems:", "  problms:", StringComparison.Ordinal);
        var result = TestReports.Compile(yaml);

        var typo = Assert.Single(result.Diagnostics, d => d.Code == "RC0204");
        Assert.Contains("did you mean 'problems' (2024年推进法治政府建设存在问题短板及原因)?", typo.Message);
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("problms", StringComparison.Ordinal)) + 1, typo.Span.Line);
    }

    [Fact]
    public void A_reference_to_an_undefined_metric_points_at_the_reference()
    {
        var yaml = TestReports.WithDuty("    text: |\n      第一行。\n      全年学法{{central_group_stdy}}。", "  central_group_study: 19 次\n");
        var result = TestReports.Compile(yaml);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "RC0401");
        var lines = yaml.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("central_group_stdy", StringComparison.Ordinal));
        Assert.Equal(line + 1, error.Span.Line);
        Assert.Equal(lines[line].IndexOf("{{", StringComparison.Ordinal) + 1, error.Span.Column);
        Assert.Contains("did you mean 'central_group_study'?", error.Message);
    }

    [Fact]
    public void A_metric_that_no_text_uses_is_a_warning_not_an_error()
    {
        var result = TestReports.Compile(TestReports.WithDuty("    text: 正文。", "  central_group_study: 19 次\n"));

        Assert.Contains(result.Diagnostics, d => d.Code == "RC0402");
        Assert.False(result.HasErrors);
    }

    [Theory]
    [InlineData("  fines: 很多 万元\n", "RC0301")]
    [InlineData("  my_metric: 3\n", "RC0302")]
    [InlineData("  my_metric: 3 个\n", "RC0303")]
    [InlineData("  fines: 3 元\n", "RC0305")]
    [InlineData("  fines: -3 万元\n", "RC0306")]
    [InlineData("  2bad: 3 个\n", "RC0304")]
    public void Broken_metrics_are_reported_with_their_code(string metrics, string code)
    {
        var result = TestReports.Compile(TestReports.WithDuty("    text: '{{fines}}{{my_metric}}'", metrics));
        Assert.Contains(result.Diagnostics, d => d.Code == code);
    }

    [Theory]
    [InlineData("", "RC0006")]
    [InlineData("kind: [1, 2\nyear: 3", "RC0101")]
    [InlineData("a: 1\na: 2\n", "RC0102")]
    [InlineData("a: &x 1\nb: *x\n", "RC0104")]
    [InlineData("- just\n- a list\n", "RC0205")]
    [InlineData("kind: law-based-governmnt\n", "RC0201")]
    public void Broken_files_get_a_diagnostic_not_an_exception(string yaml, string code)
    {
        var result = TestReports.Compile(yaml);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, d => Assert.InRange(d.Span.Line, 1, Math.Max(1, yaml.Split('\n').Length)));
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_overflow_the_stack()
    {
        var yaml = new string('[', 20_000) + new string(']', 20_000);
        var result = TestReports.Compile(yaml);
        Assert.Contains(result.Diagnostics, d => d.Code == "RC0103");
    }
}
