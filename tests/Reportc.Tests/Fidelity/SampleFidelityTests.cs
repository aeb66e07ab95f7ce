using System.Text.RegularExpressions;
using Reportc.Kinds;

namespace Reportc.Tests.Fidelity;

/// <summary>The sample must read as the published report it encodes (the seed), and type each number once.</summary>
public sealed partial class SampleFidelityTests
{
    private static readonly string SeedPath = Path.Combine(TestPaths.Root, "tests", "Reportc.Tests", "Fidelity", "seed-beiliu-2024.txt");

    private static string SampleMarkdown() =>
        new ReportCompiler(new KindCatalog()).Compile(TestPaths.Sample).Output("md");

    [Fact]
    public void The_sample_renders_the_seed_text_at_97_percent_similarity_or_more()
    {
        var seed = Strip(File.ReadAllText(SeedPath));
        var rendered = Strip(SampleMarkdown());

        var ratio = SequenceRatio.Ratio(seed, rendered);

        Assert.True(ratio >= 0.97, $"similarity {ratio:F4} < 0.97");
    }

    [Fact]
    public void Every_number_of_the_seed_appears_in_the_rendered_sample()
    {
        var rendered = SampleMarkdown();
        var missing = Number().Matches(File.ReadAllText(SeedPath)).Select(m => m.Value).Distinct()
            .Where(n => !Regex.IsMatch(rendered, $@"(?<![0-9.]){Regex.Escape(n)}(?![0-9]|\.[0-9])"))
            .ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("19")]
    [InlineData("132")]
    [InlineData("750")]
    [InlineData("11.88")]
    [InlineData("1200")]
    [InlineData("7000")]
    [InlineData("185")]
    [InlineData("380")]
    [InlineData("37")]
    [InlineData("54")]
    public void Each_distinctive_number_is_typed_once_in_the_sample(string number)
    {
        var yaml = File.ReadAllText(TestPaths.Sample);
        Assert.Single(Regex.Matches(yaml, $@"(?<![0-9.]){Regex.Escape(number)}(?![0-9]|\.[0-9])"));
    }

    [Fact]
    public void The_similarity_measure_matches_difflib_on_known_cases()
    {
        // Values printed by Python 3.11: difflib.SequenceMatcher(None, a, b).ratio().
        Assert.Equal(0.75, SequenceRatio.Ratio("abcd", "bcde"), 6);
        Assert.Equal(0.0, SequenceRatio.Ratio("abc", "xyz"), 6);
        Assert.Equal(1.0, SequenceRatio.Ratio("法治政府", "法治政府"), 6);
        Assert.Equal(0.8947368421052632, SequenceRatio.Ratio("一年来，北留镇在县委、县政府的坚强领导下", "一年来北留镇在县委县政府坚强的领导下"), 9);

        // Long enough for autojunk: the repeated characters are "popular" and only extend matches.
        var a = string.Concat(Enumerable.Repeat("法治政府建设", 40)) + "ABCDEFG年度报告";
        var b = "ABCDEFG" + string.Concat(Enumerable.Repeat("法治政府建设", 40)) + "年度报告X";
        Assert.Equal(0.0437375745526839, SequenceRatio.Ratio(a, b), 9);
    }

    // Markdown markup and all whitespace out: headings' #, emphasis *, quotes >, escapes, rules, tags.
    private static string Strip(string markdown)
    {
        var text = Regex.Replace(markdown, @"^\s*(#+|>|---+)\s?", "", RegexOptions.Multiline);
        text = Regex.Replace(text, @"<[^>\n]+>", "");
        text = text.Replace("*", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal);
        return Regex.Replace(text, @"\s+", "");
    }

    [GeneratedRegex(@"[0-9]+(?:\.[0-9]+)?")]
    private static partial Regex Number();
}
