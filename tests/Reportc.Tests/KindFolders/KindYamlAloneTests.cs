using Reportc.Tests.Cli;
using Reportc.Tests.Pdf;

namespace Reportc.Tests.KindFolders;

/// <summary>
/// A kind folder lies over the shared templates and stylesheet (templates/_common): a kind.yaml alone — four
/// sections, three metrics — is a kind that builds Markdown, HTML and PDF.
/// </summary>
[Collection("browser")]
public sealed class KindYamlAloneTests
{
    private const string Kind = """
        id: work-safety
        name: 安全生产工作年度报告
        deadline: 03-31
        title: "{year}年安全生产工作情况的报告"
        sections:
          - { id: duty, heading: "{year}年安全生产工作情况", required: true }
          - { id: hazards, heading: "隐患排查治理情况", required: true }
          - { id: problems, heading: "存在的问题", required: true }
          - { id: next_year, heading: "{next_year}年工作安排", required: true }
        metrics:
          inspections: { label: 检查企业, unit: 家 }
          hazards_found: { label: 排查隐患, unit: 处 }
          fines: { label: 罚款, unit: 万元 }
        """;

    private const string Report = """
        kind: work-safety
        year: 2024
        document:
          issuers: 示例镇人民政府
          number: 示安〔2025〕2号
          date: 2025-01-18
        metrics:
          inspections: 126
          hazards_found: 1300余
          fines: 12.5
        sections:
          duty: 全年检查企业{{inspections}}，罚款{{fines}}。
          hazards: 排查隐患{{hazards_found}}，已整改完毕。
          problems: 个别企业主体责任落实不到位。
          next_year: 持续开展隐患排查。
        """;

    [Fact]
    public void A_kind_folder_with_only_kind_yaml_builds_markdown_html_and_pdf_with_the_shared_templates()
    {
        var folder = TestPaths.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "kinds", "work-safety"));
        File.WriteAllText(Path.Combine(folder, "kinds", "work-safety", "kind.yaml"), Kind);
        var input = Path.Combine(folder, "ws-2024.yaml");
        File.WriteAllText(input, Report);
        var output = Path.Combine(folder, "out");

        var (code, _, stderr) = CliRunner.Run("build", input, "--templates", Path.Combine(folder, "kinds"), "-o", output, "--format", "md,html,pdf");

        Assert.True(code == 0, stderr);
        var md = File.ReadAllText(Path.Combine(output, "ws-2024.md"));
        Assert.Contains("# 2024年安全生产工作情况的报告", md); // the kind's title
        Assert.Contains("二、隐患排查治理情况", md);
        Assert.Contains("排查隐患1300余处", md);
        Assert.Contains("罚款12.5万元", md); // money in 万元 exactly as typed, as every kind prints it
        var html = File.ReadAllText(Path.Combine(output, "ws-2024.html"));
        Assert.Contains("<span class=\"number\">四、</span>2025年工作安排", html);
        Assert.Contains("@page", html); // the shared stylesheet
        var pdf = PdfText.Run("pdftotext", "-layout", Path.Combine(output, "ws-2024.pdf"), "-");
        Assert.Contains("罚款12.5万元", pdf.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kind_that_extends_another_can_drop_its_metrics_and_its_deadline()
    {
        var folder = TestPaths.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "work-safety"));
        Directory.CreateDirectory(Path.Combine(folder, "township-safety"));
        File.WriteAllText(Path.Combine(folder, "work-safety", "kind.yaml"), Kind);
        File.WriteAllText(Path.Combine(folder, "township-safety", "kind.yaml"), """
            id: township-safety
            extends: work-safety
            name: 乡镇安全生产工作报告
            deadline: none
            drop_metrics: [fines, inspectons]
            """);
        var catalog = new Reportc.Kinds.KindCatalog(folder);
        var diagnostics = new Reportc.Diagnostics.DiagnosticBag();

        Assert.Null(catalog.Find("township-safety", diagnostics));
        var typo = Assert.Single(diagnostics.ToSortedList());
        Assert.Equal((5, 23), (typo.Span.Line, typo.Span.Column));
        Assert.Contains("there is no metric 'inspectons' to drop; did you mean 'inspections'?", typo.Message);

        File.WriteAllText(Path.Combine(folder, "township-safety", "kind.yaml"), File.ReadAllText(Path.Combine(folder, "township-safety", "kind.yaml")).Replace(", inspectons", "", StringComparison.Ordinal));
        var kind = new Reportc.Kinds.KindCatalog(folder).Find("township-safety", new Reportc.Diagnostics.DiagnosticBag());
        Assert.NotNull(kind);
        Assert.Equal(["hazards_found", "inspections"], kind.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Null(kind.Deadline);
        Assert.Equal("乡镇安全生产工作报告", kind.Name);
    }
}
