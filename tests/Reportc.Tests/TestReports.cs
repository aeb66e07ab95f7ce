using Reportc.Kinds;
using Reportc.Loading;

namespace Reportc.Tests;

/// <summary>Compiles report text in memory, and writes small valid reports to build on.</summary>
internal static class TestReports
{
    private static readonly ReportCompiler Compiler = new(new KindCatalog());

    public const string Header = """
        kind: law-based-government
        year: 2024
        document:
          issuers: [中共示例镇委员会, 示例镇人民政府]
          number: 示发〔2025〕3号
          title: 示例镇2024年法治政府建设工作情况的报告
          date: 2025-01-18

        """;

    /// <summary>A complete report whose sections hold the given YAML for <c>duty</c> (indented two spaces).</summary>
    public static string WithDuty(string dutyYaml, string metricsYaml = "") => Header
        + (metricsYaml.Length > 0 ? "metrics:\n" + metricsYaml + "\n" : "")
        + "sections:\n  duty:\n" + dutyYaml + "\n"
        + """
          measures: 措施。
          problems: 问题。
          next_year: 安排。
          other: 无。

        """;

    public static Compilation Compile(string yaml, string path = "test.yaml") =>
        Compiler.CompileText(SourceText.FromString(path, yaml));

    public static string Output(this Compilation compilation, string format)
    {
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Outputs.Single(o => o.Format == format).Content;
    }
}
