using System.Text.RegularExpressions;

namespace Reportc.Tests.Unit;

/// <summary>The README's example report is real: it builds without a single diagnostic.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_readme_example_report_builds_cleanly()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.Root, "README.md"));
        var example = YamlBlock().Matches(readme).Select(m => m.Groups[1].Value).First(b => b.StartsWith("kind:", StringComparison.Ordinal));

        var result = TestReports.Compile(example, "readme-example.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Outputs.Count);
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
