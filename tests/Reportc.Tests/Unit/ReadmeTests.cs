using System.Text.RegularExpressions;

namespace Reportc.Tests.Unit;

/// <summary>The README's example report is real: it builds without a single diagnostic, and prints what its comments say.</summary>
public sealed partial class ReadmeTests
{
    private static string Example()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.Root, "README.md"));
        return YamlBlock().Matches(readme).Select(m => m.Groups[1].Value).First(b => b.StartsWith("kind:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_example_report_builds_cleanly()
    {
        var result = TestReports.Compile(Example(), "readme-example.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Outputs.Count);
    }

    [Fact]
    public void Every_output_a_comment_of_the_readme_example_quotes_is_in_its_markdown()
    {
        var example = Example();
        var md = TestReports.Compile(example, "readme-example.yaml").Output("md");
        var claims = Claim().Matches(example).Select(m => m.Groups[1].Value).Where(c => c.Any(ch => ch > '\u2E80')).ToList();

        Assert.True(claims.Count >= 5, string.Join(" ", claims));
        Assert.Contains("培育学法用法示范户20户", claims);
        Assert.All(claims, claim => Assert.Contains(claim, md));
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    // A quoted output in a comment: # … "300余人次"
    [GeneratedRegex("#[^\n\"]*\"([^\"\n]+)\"")]
    private static partial Regex Claim();
}
