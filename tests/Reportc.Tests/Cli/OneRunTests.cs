namespace Reportc.Tests.Cli;

/// <summary>Every problem of a file comes in one run: a structural error does not hide the others.</summary>
public sealed class OneRunTests
{
    [Fact]
    public void One_check_reports_a_missing_section_a_bad_date_a_misspelt_reference_and_hand_numbering_together()
    {
        var input = Path.Combine(TestPaths.Root, "tests", "Reportc.Tests", "Corpus", "cases", "103-every-problem-of-a-file-in-one-run.yaml");

        var (code, _, stderr) = CliRunner.Run("check", input, "--lang", "en");

        Assert.Equal(1, code);
        Assert.Contains("error RC0206: invalid document.date '2025年13月45日'", stderr);
        Assert.Contains("error RC0203: missing required section", stderr);
        Assert.Contains("error RC0401: '{{fine}}' refers to no metric; did you mean 'fines'?", stderr);
        Assert.Contains("warning RC0404", stderr);
    }

    [Fact]
    public void Sections_missing_together_are_each_named_with_the_number_it_will_have()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "镇.yaml");
        File.WriteAllText(input, "kind: law-based-government\nyear: 2024\ndocument:\n  issuers: 示例镇人民政府\n  title: 示例镇2024年法治政府建设工作情况的报告\n  date: 2025-01-20\nsections:\n  duty: 文字。\n  next_year: 安排。\n");

        var (code, _, stderr) = CliRunner.Run("check", input, "--lang", "en");

        Assert.Equal(1, code);
        Assert.Contains("missing required section 二、2024年推进法治政府建设的主要举措和成效 (measures)", stderr);
        Assert.Contains("missing required section 三、2024年推进法治政府建设存在问题短板及原因 (problems)", stderr);
        Assert.Contains("missing required section 五、其他需要报告的重要事项 (other)", stderr);
    }

    [Fact]
    public void A_report_without_its_document_is_still_checked_for_the_rest()
    {
        var yaml = TestReports.WithDuty("    text: 全年罚款{{fine}}。", "  fines: 3 万元")
            .Replace(TestReports.Header.Split("document:")[1].Split("\n\n")[0], "", StringComparison.Ordinal)
            .Replace("document:", "", StringComparison.Ordinal);

        var codes = TestReports.Compile(yaml).Diagnostics.Select(d => d.Code).ToList();

        Assert.Contains("RC0202", codes); // document is missing
        Assert.Contains("RC0401", codes); // and the misspelt reference is reported too
    }
}
