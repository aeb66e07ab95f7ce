using System.Text.Json;
using Json.Schema;
using Reportc.Cli;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Schema;

/// <summary>The editor schema, checked with an independent validator (JsonSchema.Net).</summary>
public sealed class JsonSchemaTests
{
    private static readonly string Committed = Path.Combine(TestPaths.Root, "docs", "schema", "law-based-government.schema.json");

    private static JsonSchema Schema()
    {
        var (code, output, _) = CliRunner.Run("schema", "law-based-government");
        Assert.Equal(ExitCodes.Success, code);
        return JsonSchema.FromText(output);
    }

    private static bool Valid(JsonSchema schema, string yaml)
    {
        var json = YamlToJson.Convert(yaml)!.ToJsonString();
        using var document = JsonDocument.Parse(json);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    [Fact]
    public void The_sample_validates_against_the_generated_schema() =>
        Assert.True(Valid(Schema(), File.ReadAllText(TestPaths.Sample)));

    [Theory]
    [InlineData("  problems:")]
    [InlineData("  duty:")]
    [InlineData("  other:")]
    public void The_schema_rejects_the_sample_without_a_required_section(string sectionKey)
    {
        var lines = File.ReadAllLines(TestPaths.Sample).ToList();
        var start = lines.FindIndex(l => l.StartsWith(sectionKey, StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(':'));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        Assert.Contains(lines, l => l.StartsWith("  measures:", StringComparison.Ordinal) || sectionKey == "  measures:");

        Assert.False(Valid(Schema(), string.Join('\n', lines)));
    }

    [Theory]
    [InlineData("kind: law-based-government\nyear: 2024\ndocument: {issuers: 甲, date: 2025-01-01}\nsections: {duty: a, measures: b, problems: c, next_year: d, other: e, dutty: f}\n")]
    [InlineData("kind: law-based-government\nyear: 二〇二四\ndocument: {issuers: 甲, date: 2025-01-01}\nsections: {duty: a, measures: b, problems: c, next_year: d, other: e}\n")]
    [InlineData("kind: law-based-government\nyear: 2024\ndocument: {issuers: 甲, date: 2025-01-01}\nmetrics: {fines: 很多}\nsections: {duty: a, measures: b, problems: c, next_year: d, other: e}\n")]
    [InlineData("kind: law-based-government\nyear: 2024\ndocument: {issuers: 甲, date: 2025-01-01}\nmetrics: {my_own: {value: 3, unit: 个}}\nsections: {duty: a, measures: b, problems: c, next_year: d, other: e}\n")]
    public void The_schema_rejects_typos_and_wrong_types(string yaml) => Assert.False(Valid(Schema(), yaml));

    [Fact]
    public void A_minimal_report_is_valid() => Assert.True(Valid(Schema(),
        "kind: law-based-government\nyear: 2024\ndocument: {issuers: 甲, date: 2025-01-01}\nmetrics: {fines: 3 万元, my_own: {value: 3, unit: 个, label: 自定义}}\nsections: {duty: a, measures: b, problems: c, next_year: d, other: e}\n"));

    [Theory]
    [InlineData("2025-01-18")]
    [InlineData("2025-1-8")]
    [InlineData("2025年1月18日")]
    [InlineData("2025年12月31日")]
    [InlineData("2025/1/18")]
    [InlineData("2025年1月18")]
    [InlineData("二〇二五年一月十八日")]
    public void The_schema_accepts_a_date_exactly_when_the_binder_does(string date)
    {
        var yaml = TestReports.Header.Replace("date: 2025-01-18", "date: " + date, StringComparison.Ordinal)
            + "sections: {duty: a, measures: b, problems: c, next_year: d, other: e}\n";
        var bound = !TestReports.Compile(yaml).Diagnostics.Any(d => d.Code == "RC0206");

        Assert.Equal(bound, Valid(Schema(), yaml));
    }

    [Fact]
    public void The_committed_schema_is_the_one_reportc_generates()
    {
        var (_, output, _) = CliRunner.Run("schema", "law-based-government");
        Assert.Equal(output, File.ReadAllText(Committed));
    }

    [Fact]
    public void The_sample_names_the_schema_for_the_yaml_language_server() =>
        Assert.StartsWith("# yaml-language-server: $schema=../docs/schema/law-based-government.schema.json", File.ReadAllText(TestPaths.Sample), StringComparison.Ordinal);
}
