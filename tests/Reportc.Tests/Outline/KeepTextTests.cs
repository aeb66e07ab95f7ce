using Reportc.Tests.Cli;

namespace Reportc.Tests.Outline;

/// <summary><c>reportc new 2025 --from 2024.yaml --keep-text</c>: last year's wording carried on, its years moved on.</summary>
public sealed class KeepTextTests
{
    private const string LastYear = """
        kind: law-based-government
        year: 2024
        document:
          issuers: [中共青石镇委员会, 青石镇人民政府]
          number: 青发〔2024〕31号
          title: 中共青石镇委员会 青石镇人民政府关于2024年度法治政府建设工作情况的报告
          date: 2024-12-09
        preamble: |
          2024年，青石镇党委、政府坚持以习近平法治思想为指导，
          认真落实县委、县政府部署，现将2024年度有关情况报告如下：
        metrics:
          central_group_study: 6 次
          legal_consultations: 420余 人次
        sections:
          duty:
            text: |
              镇党委书记、镇长认真履行第一责任人职责。自2021年以来，镇党委坚持每季度专题研究法治建设，
              2024年党委理论学习中心组集中学法{{central_group_study}}。
            points:
              - title: 压实责任
                text: 对照《青发〔2024〕5号》逐项落实2024年法治建设责任清单。
              - 2024年12月开展年度述法。
          measures:
            subsections:
              - title: 2024年重点工作
                text: 全年提供法律咨询{{legal_consultations}}，{{year}}年度无行政败诉案件。
          problems: 基层执法人员法律素养有待提高。
          next_year: |
            2025年，我镇将深入实施“八五”普法规划，迎接2025年度法治督察。
          other: 无。
        """;

    [Fact]
    public void Keep_text_carries_last_years_words_with_the_report_year_and_the_plan_year_moved_on()
    {
        var folder = TestPaths.NewTempFolder();
        var last = Path.Combine(folder, "qingshi-2024.yaml");
        File.WriteAllText(last, LastYear);
        Assert.Equal(0, CliRunner.Run("check", last).ExitCode);

        var (code, _, error) = CliRunner.Run("new", "2025", "--from", last, "--keep-text");
        Assert.True(code == 0, error);
        var text = File.ReadAllText(Path.Combine(folder, "qingshi-2025.yaml"));

        Assert.DoesNotContain("TODO", text);
        Assert.DoesNotContain("# 上年：\n", text);
        Assert.Contains("preamble: |\n  2025年，青石镇党委、政府坚持以习近平法治思想为指导，\n  认真落实县委、县政府部署，现将2025年度有关情况报告如下：\n", text);
        Assert.Contains("自2021年以来", text);                         // an earlier year stays
        Assert.Contains("2025年党委理论学习中心组集中学法{{central_group_study}}。", text);   // the reference stays
        Assert.Contains("《青发〔2024〕5号》逐项落实2025年法治建设责任清单", text);         // a cited 发文字号 stays
        Assert.Contains("      - |\n        2025年12月开展年度述法。", text);
        Assert.Contains("title: 2025年重点工作", text);
        Assert.Contains("{{year}}年度无行政败诉案件", text);
        Assert.Contains("2026年，我镇将深入实施“八五”普法规划，迎接2026年度法治督察。", text);   // the plans' year moved on too
        Assert.Matches(@"central_group_study:\s+~\s+# 上年：6 次", text);       // numbers still to be typed anew

        // The file is a valid report whose only open items are the metrics: check warns about them alone.
        var check = CliRunner.Run("check", Path.Combine(folder, "qingshi-2025.yaml"));
        Assert.Equal(0, check.ExitCode);
        var lines = check.Error.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains(": warning RC0410: ", l));

        var draft = CliRunner.Run("build", Path.Combine(folder, "qingshi-2025.yaml"), "--draft", "-o", Path.Combine(folder, "out"));
        Assert.True(draft.ExitCode == 0, draft.Error);
        var md = File.ReadAllText(Path.Combine(folder, "out", "qingshi-2025.md"));
        Assert.Contains("2025年，青石镇党委、政府坚持以习近平法治思想为指导，认真落实县委、县政府部署", md);
        Assert.Contains("2025年度无行政败诉案件", md);
    }

    [Fact]
    public void Without_keep_text_the_text_is_still_todo_with_last_years_words_as_comments()
    {
        var folder = TestPaths.NewTempFolder();
        var last = Path.Combine(folder, "qingshi-2024.yaml");
        File.WriteAllText(last, LastYear);
        Assert.Equal(0, CliRunner.Run("new", "2025", "--from", last).ExitCode);
        var text = File.ReadAllText(Path.Combine(folder, "qingshi-2025.yaml"));
        Assert.Contains("# 上年：\n#   2024年，青石镇党委", text);
        Assert.Contains("preamble: |\n  TODO", text);
    }
}
