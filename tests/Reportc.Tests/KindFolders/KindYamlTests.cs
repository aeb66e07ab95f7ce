using Reportc.Kinds;
using Reportc.Loading;

namespace Reportc.Tests.KindFolders;

/// <summary>kind.yaml is read as strictly as a report: every level's keys, booleans and numbers, each problem at its line and column.</summary>
public sealed class KindYamlTests
{
    private const string Kind = """
        id: work-safety
        name: 安全生产工作报告
        sections:
          - { id: duty, heading: 一、履职情况, required: yes }
          - { id: other, heading: 二、其他事项, required: false }
        metrics:
          checks: { label: 检查次数, unit: 次, required: True }
        templates: { md: report.sbn-md, html: report.sbn-html }
        stylesheet: style.css
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
          other: 无。
        """;

    private static IReadOnlyList<Reportc.Diagnostics.Diagnostic> Check(string kind, string report = Report)
    {
        var folder = TestPaths.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "work-safety"));
        File.WriteAllText(Path.Combine(folder, "work-safety", "kind.yaml"), kind);
        var compiler = new ReportCompiler(new KindCatalog(folder));
        return compiler.CompileText(SourceText.FromString("r.yaml", report)).Diagnostics;
    }

    private static string Place(Reportc.Diagnostics.Diagnostic d) => $"{Path.GetFileName(d.Span.Path)}({d.Span.Line},{d.Span.Column}) {d.Code} {d.Message}";

    [Fact]
    public void Required_yes_and_True_make_a_section_and_a_metric_required()
    {
        var codes = Check(Kind).Select(d => d.Code).ToList();

        Assert.Contains("RC0203", codes); // duty: required: yes
        Assert.Contains("RC0308", codes); // checks: required: True
    }

    [Theory]
    [InlineData("required: yes }", "requried: true }", "kind.yaml(4,34) RC0502 report kind 'work-safety' is broken: unknown key 'requried'; did you mean 'required'?")]
    [InlineData("unit: 次,", "unti: 次,", "kind.yaml(7,26) RC0502 report kind 'work-safety' is broken: unknown key 'unti'; did you mean 'unit'?")]
    [InlineData("required: yes }", "required: maybe }", "kind.yaml(4,44) RC0502 report kind 'work-safety' is broken: 'required' must be true or false")]
    [InlineData("stylesheet:", "stylsheet:", "kind.yaml(9,1) RC0502 report kind 'work-safety' is broken: unknown key 'stylsheet'; did you mean 'stylesheet'?")]
    public void A_typo_in_kind_yaml_is_an_error_at_its_line_and_column(string written, string typo, string expected)
    {
        var diagnostics = Check(Kind.Replace(written, typo, StringComparison.Ordinal));

        var places = diagnostics.Select(Place).ToList();
        Assert.True(places.Contains(expected), string.Join("\n", places));
    }

    [Theory]
    [InlineData("{ id: a, label: 甲, decimals: 6.5 }", "(5,38) RC0502 report kind 'work-safety' is broken: 'decimals' must be a whole number of digits, 0 to 10")]
    [InlineData("{ id: a, label: 甲, decimal: 2 }", "(5,28) RC0502 report kind 'work-safety' is broken: unknown key 'decimal'; did you mean 'decimals'?")]
    [InlineData("{ id: a, label: 甲, warn_above: 很多 }", "(5,40) RC0502 report kind 'work-safety' is broken: 'warn_above' must be a number")]
    public void A_table_columns_unknown_key_or_bad_number_is_an_error_at_its_place(string column, string expected)
    {
        var kind = Kind + "\n" + $"""
            tables:
              - id: t
                section: other
                columns:
                  - {column}
                rows:
                  - {"{"} id: r, label: 乙 {"}"}
            """;

        var lines = Kind.Split('\n').Length;
        var diagnostics = Check(kind).Select(Place).ToList();

        var (line, rest) = (int.Parse(expected[1..expected.IndexOf(',')], System.Globalization.CultureInfo.InvariantCulture), expected[expected.IndexOf(',')..]);
        Assert.True(diagnostics.Contains($"kind.yaml({line + lines}{rest}"), string.Join("\n", diagnostics));
    }
}
