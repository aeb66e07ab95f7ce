using Reportc.Tests.Cli;

namespace Reportc.Tests.KindFolders;

/// <summary>
/// A kind folder whose kind.yaml is wrong: its errors are kept with it and given to every report that names it
/// (never "unknown kind … did you mean" itself), printed once a run, in the language asked for.
/// </summary>
public sealed class BrokenKindTests
{
    private const string KindWithoutName = """
        id: work-safety
        sections:
          - { id: duty, heading: 一、履职情况, required: true }
        templates: { md: report.sbn-md }
        """;

    private const string Report = """
        kind: work-safety
        year: 2024
        document:
          issuers: 示例镇人民政府
          number: 示发〔2025〕3号
          title: 示例镇2024年安全生产工作报告
          date: 2025-01-18
        sections:
          duty: 履职。
        """;

    private static (string Kinds, string A, string B) Setup()
    {
        var folder = TestPaths.NewTempFolder();
        var kinds = Path.Combine(folder, "kinds");
        Directory.CreateDirectory(Path.Combine(kinds, "work-safety"));
        File.WriteAllText(Path.Combine(kinds, "work-safety", "kind.yaml"), KindWithoutName);
        var a = Path.Combine(folder, "a.yaml");
        var b = Path.Combine(folder, "b.yaml");
        File.WriteAllText(a, Report);
        File.WriteAllText(b, Report);
        return (kinds, a, b);
    }

    [Fact]
    public void Every_report_of_a_broken_kind_fails_for_the_kinds_error_which_is_printed_once()
    {
        var (kinds, a, b) = Setup();

        var (code, _, stderr) = CliRunner.Run("check", a, b, "--templates", kinds, "--lang", "en");

        Assert.Equal(1, code);
        Assert.DoesNotContain("RC0201", stderr);
        Assert.Single(stderr.Split('\n'), l => l.Contains("error RC0502", StringComparison.Ordinal));
        Assert.Contains("kind.yaml(1,1): error RC0502: report kind 'work-safety' is broken: 'name' is missing", stderr);
        Assert.Contains(a, stderr, StringComparison.Ordinal); // both are named as having errors
        Assert.Contains(b, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_compilation_of_a_report_of_a_broken_kind_carries_the_kinds_error()
    {
        var (kinds, a, b) = Setup();
        var compiler = new ReportCompiler(new Reportc.Kinds.KindCatalog(kinds));

        foreach (var path in new[] { a, b, a })
        {
            var codes = compiler.Compile(path).Diagnostics.Select(d => d.Code).ToList();
            Assert.Equal(["RC0502"], codes);
        }
    }

    [Fact]
    public void New_with_a_broken_kind_says_what_is_wrong_with_it_not_that_it_is_unknown()
    {
        var (kinds, a, _) = Setup();

        var (code, _, stderr) = CliRunner.Run("new", "--kind", "work-safety", "--templates", kinds, "-o", a + ".new.yaml", "--lang", "en");

        Assert.Equal(1, code);
        Assert.Contains("error RC0502", stderr);
        Assert.DoesNotContain("unknown kind", stderr);
        Assert.False(File.Exists(a + ".new.yaml"));
    }

    [Fact]
    public void Kind_and_template_errors_are_worded_in_chinese_under_lang_zh()
    {
        var (kinds, a, _) = Setup();
        var noTemplate = Path.Combine(kinds, "work-safety", "kind.yaml");
        File.WriteAllText(noTemplate, "name: 安全生产工作报告\n" + KindWithoutName.Replace("{ md: report.sbn-md }", "{ html: no-such.sbn-html }", StringComparison.Ordinal));

        var broken = CliRunner.Run("check", a, "--templates", kinds, "--lang", "zh");
        Assert.Contains("error RC0502: 报告类型“work-safety”有误：没有“html”输出的模板", broken.Error);

        File.WriteAllText(noTemplate, KindWithoutName.Replace("id: work-safety", "id: work-safety\nnmae: 安全生产", StringComparison.Ordinal));
        var typo = CliRunner.Run("check", a, "--templates", kinds, "--lang", "zh");
        Assert.Contains("kind.yaml(2,1): error RC0502: 报告类型“work-safety”有误：未知的键“nmae”；是否应为“name”？", typo.Error);
        Assert.Contains("kind.yaml(1,1): error RC0502: 报告类型“work-safety”有误：缺少“name”", typo.Error);
    }
}
