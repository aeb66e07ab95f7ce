using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Schema;

/// <summary>
/// The editor schema accepts every file reportc itself writes or ships (the samples, new --kind, new --from,
/// init), checked with an independent validator; completion shows the Chinese heading or label.
/// </summary>
public sealed class WrittenFilesSchemaTests
{
    private static readonly Dictionary<string, JsonSchema> Schemas = [];

    private static JsonSchema SchemaOf(string kind)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(kind, out var schema))
            {
                var (code, output, error) = CliRunner.Run("schema", kind);
                Assert.True(code == 0, error);
                Schemas[kind] = schema = JsonSchema.FromText(output);
            }

            return schema;
        }
    }

    private static void AssertValid(string path)
    {
        var yaml = File.ReadAllText(path);
        var node = YamlToJson.Convert(yaml)!;
        var kind = node["kind"]!.GetValue<string>();
        using var document = JsonDocument.Parse(node.ToJsonString());
        var result = SchemaOf(kind).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, Path.GetFileName(path) + ":\n" + string.Join("\n", errors.Distinct().Take(20)));
    }

    public static TheoryData<string> Samples() => [.. Directory.GetFiles(Path.Combine(TestPaths.Root, "samples"), "*.yaml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_validates(string sample) => AssertValid(Path.Combine(TestPaths.Root, "samples", sample));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Next_years_file_from_every_sample_validates(string sample)
    {
        var folder = TestPaths.NewTempFolder();
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Root, "samples"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var output = Path.Combine(folder, "next.yaml");
        var (code, _, error) = CliRunner.Run("new", "--from", Path.Combine(folder, sample), "-o", output);
        Assert.True(code == 0, error);
        AssertValid(output);
    }

    [Theory]
    [InlineData("law-based-government", "en")]
    [InlineData("gov-info-disclosure", "zh")]
    public void A_fresh_file_of_every_kind_validates(string kind, string language)
    {
        var output = Path.Combine(TestPaths.NewTempFolder(), "fresh.yaml");
        var (code, _, error) = CliRunner.Run("new", "--kind", kind, "-o", output, "--lang", language);
        Assert.True(code == 0, error);
        AssertValid(output);
    }

    [Fact]
    public void The_first_report_of_init_validates()
    {
        var folder = TestPaths.NewTempFolder();
        var (code, _, error) = CliRunner.Run("init", folder);
        Assert.True(code == 0, error);
        var reports = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "reportc.yaml").ToList();
        Assert.NotEmpty(reports);
        reports.ForEach(AssertValid);
    }

    [Theory]
    [InlineData("law-based-government")]
    [InlineData("gov-info-disclosure")]
    public void Completion_shows_each_sections_heading_and_each_metrics_label(string kind)
    {
        var (_, output, _) = CliRunner.Run("schema", kind);
        var schema = JsonNode.Parse(output)!;
        var (_, kinds, _) = CliRunner.Run("kinds", kind, "--lang", "zh");
        var sections = schema["properties"]!["sections"]!["properties"]!.AsObject();
        Assert.NotEmpty(sections);
        foreach (var (key, section) in sections)
        {
            var description = section!["markdownDescription"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(description), key);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", description);
        }

        var metrics = schema["properties"]!["metrics"]!["properties"]?.AsObject() ?? [];
        foreach (var (key, metric) in metrics)
        {
            var description = metric!["markdownDescription"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(description), key);
            Assert.Contains(description!.Split("（")[0].Replace("**", "", StringComparison.Ordinal), kinds);
        }
    }
}
