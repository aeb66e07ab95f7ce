using Reportc.Tests.Fidelity;

namespace Reportc.Tests.Import;

/// <summary>The acceptance of reportc import on the seed: the published township report as text.</summary>
public sealed class SeedImportTests
{
    private static readonly string SeedPath = Path.Combine(TestPaths.Root, "tests", "Reportc.Tests", "Fidelity", "seed-beiliu-2024.txt");

    private static readonly Lazy<(Reportc.Import.ImportResult Result, string Yaml, Model.Report Report, string Markdown)> Imported = new(() =>
    {
        var folder = TestPaths.NewTempFolder();
        var copy = Path.Combine(folder, "seed.txt");
        File.Copy(SeedPath, copy);
        var result = ImportAssertions.Import(copy);
        var (yaml, report, markdown, _) = ImportAssertions.Accepted(result, folder);
        return (result, yaml, report, markdown);
    });

    [Fact]
    public void The_imported_seed_builds_to_markdown_at_99_percent_similarity_or_more()
    {
        var ratio = SequenceRatio.Ratio(ImportAssertions.Strip(File.ReadAllText(SeedPath)), ImportAssertions.Strip(Imported.Value.Markdown));

        Assert.True(ratio >= 0.99, $"similarity {ratio:F4} < 0.99");
    }

    [Fact]
    public void The_kind_year_and_document_elements_are_recognised()
    {
        var report = Imported.Value.Report;

        Assert.Equal("law-based-government", report.Kind.Id);
        Assert.Equal(2024, report.Year);
        Assert.Equal(["中共北留镇委员会", "北留镇人民政府"], report.Document.Issuers);
        Assert.Equal("北发〔2025〕4号", report.Document.Number);
        Assert.Equal(new DateOnly(2025, 1, 20), report.Document.Date);
        Assert.Contains("2024年法治政府建设工作情况的报告", Imported.Value.Yaml);
    }

    [Fact]
    public void Every_section_of_the_seed_is_mapped_to_the_kind_with_its_points_and_subsections()
    {
        var report = Imported.Value.Report;

        Assert.Equal(["duty", "measures", "problems", "court_rulings", "next_year", "suggestions", "other"], report.Sections.Select(s => s.Rule.Id));
        Assert.Equal(8, report.Sections.Single(s => s.Rule.Id == "duty").Body.Points.Count);
        var measures = report.Sections.Single(s => s.Rule.Id == "measures").Body;
        Assert.Equal(4, measures.Subsections.Count);
        Assert.Equal(3, measures.Subsections[3].Body.Points.Count);
        Assert.Equal(5, report.Sections.Single(s => s.Rule.Id == "suggestions").Body.Points.Count);
        Assert.DoesNotContain("一是", Imported.Value.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("（一）", Imported.Value.Yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("19", "次", false)]
    [InlineData("132", "条", false)]
    [InlineData("750", "人次", true)]
    [InlineData("11.88", "万元", false)]
    [InlineData("1200", "本", true)]
    [InlineData("7000", "份", true)]
    [InlineData("185", "个", false)]
    [InlineData("380", "次", true)]
    [InlineData("37", "次", false)]
    [InlineData("54", "起", false)]
    public void Each_distinctive_number_becomes_a_metric_referenced_from_the_text(string value, string unit, bool approximate)
    {
        var metric = Assert.Single(Imported.Value.Report.Metrics, m => m.Value == decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) && m.Unit == unit);

        Assert.Equal(approximate, metric.Approximate);
        Assert.True(ImportAssertions.References(Imported.Value.Yaml, metric.Id) >= 1, metric.Id);
    }

    [Fact]
    public void Facts_stated_twice_become_one_metric_referenced_twice()
    {
        var metrics = Imported.Value.Report.Metrics;
        var yaml = Imported.Value.Yaml;

        var disclosed = Assert.Single(metrics, m => m.Value == 132);
        Assert.Equal(2, ImportAssertions.References(yaml, disclosed.Id));
        var penaltyInfo = Assert.Single(metrics, m => m.Value == 21 && m.Unit == "条");
        Assert.Equal(2, ImportAssertions.References(yaml, penaltyInfo.Id));
        var disputes = Assert.Single(metrics, m => m.Value == 21 && m.Unit != "条");
        Assert.Equal(2, ImportAssertions.References(yaml, disputes.Id));
        var consultations = Assert.Single(metrics, m => m.Value == 750);
        Assert.Equal(2, ImportAssertions.References(yaml, consultations.Id));
        Assert.Equal("人次", consultations.Unit);
    }

    [Fact]
    public void The_two_facts_written_with_different_units_are_warned_about()
    {
        var warnings = Imported.Value.Result.Diagnostics.Where(d => d.Code == "RC1105").Select(d => d.Message).ToList();

        Assert.Contains(warnings, w => w.Contains("750余次", StringComparison.Ordinal) && w.Contains("750余人次", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("21起", StringComparison.Ordinal) && w.Contains("21件", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_that_are_not_quantities_stay_text()
    {
        var yaml = Imported.Value.Yaml;

        Assert.Contains("“3+N”", yaml, StringComparison.Ordinal);
        Assert.Contains("“八五”", yaml, StringComparison.Ordinal);
        Assert.Contains("“12·4”", yaml, StringComparison.Ordinal);
        Assert.Contains("《2024 年全面依法治镇工作要点》", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(Imported.Value.Report.Metrics, m => m.Value is 2024 or 2025);
    }

    [Fact]
    public void Every_metric_made_from_a_number_is_marked_as_a_guess()
    {
        var metricLines = Imported.Value.Yaml.Split('\n').SkipWhile(l => l != "metrics:").Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();

        Assert.Equal(Imported.Value.Report.Metrics.Count, metricLines.Count);
        Assert.All(metricLines, l => Assert.Contains("# ?", l, StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_break_artefacts_of_the_seed_are_joined()
    {
        Assert.Contains("扎实推动法治建设高质量发展。", Imported.Value.Yaml, StringComparison.Ordinal);
        Assert.Contains("确保决策的科学性", Imported.Value.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_on_the_command_line_prints_a_summary_and_refuses_to_overwrite()
    {
        var folder = TestPaths.NewTempFolder();
        var copy = Path.Combine(folder, "北留镇2024.txt");
        File.Copy(SeedPath, copy);

        var (code, output, error) = Cli.CliRunner.Run("import", copy, "--lang", "en");
        var again = Cli.CliRunner.Run("import", copy, "--lang", "en");

        Assert.Equal(0, code);
        Assert.Contains("7 section(s) mapped", output, StringComparison.Ordinal);
        Assert.Contains("metric(s) made", output, StringComparison.Ordinal);
        Assert.Contains("warning RC1105", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "北留镇2024.yaml")));
        Assert.Equal(1, again.ExitCode);
        var check = Cli.CliRunner.Run("check", Path.Combine(folder, "北留镇2024.yaml"));
        Assert.Equal(0, check.ExitCode);
    }
}
