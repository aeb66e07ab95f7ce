using Reportc.Cli;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Hostile;

/// <summary>
/// A number no report has, a change no one can read, a text with a slip on every character: each is that
/// report's diagnostic, at its place, and the rest of the batch is built.
/// </summary>
public sealed class OneFileNeverEndsTheBatchTests
{
    private const string Huge = "79228162514264337593543950335";

    private static string Samples(params string[] names)
    {
        var folder = TestPaths.NewTempFolder();
        foreach (var name in names)
        {
            File.Copy(Path.Combine(TestPaths.Root, "samples", name), Path.Combine(folder, name));
        }

        return folder;
    }

    [Fact]
    public void Two_table_cells_at_decimals_limit_are_an_error_at_each_cell_and_the_other_reports_are_built()
    {
        var folder = Samples("shili-xinxi-2024.yaml", "beiliu-2024.yaml");
        var disclosure = Path.Combine(folder, "shili-xinxi-2024.yaml");
        var lines = File.ReadAllLines(disclosure);
        var row = Array.FindIndex(lines, l => l.TrimStart().StartsWith("received:", StringComparison.Ordinal));
        var first = lines[row].IndexOf('[', StringComparison.Ordinal) + 1;
        var cells = lines[row][first..].Split(',');
        cells[0] = Huge;
        cells[1] = " " + Huge;
        lines[row] = lines[row][..first] + string.Join(',', cells);
        File.WriteAllLines(disclosure, lines);

        var (code, _, stderr) = CliRunner.Run("build", folder);

        Assert.Equal(ExitCodes.ReportErrors, code);
        Assert.Contains($"shili-xinxi-2024.yaml({row + 1},{first + 1}): error RC0320", stderr);
        Assert.Contains($"shili-xinxi-2024.yaml({row + 1},{first + Huge.Length + 3}): error RC0320", stderr);
        Assert.DoesNotContain("internal error", stderr);
        Assert.True(File.Exists(Path.Combine(folder, "beiliu-2024.html")));
        Assert.False(File.Exists(Path.Combine(folder, "shili-xinxi-2024.html")));
    }

    [Fact]
    public void A_metric_beyond_fifteen_digits_is_an_error_at_its_value()
    {
        var yaml = TestReports.WithDuty("    text: 审查{{legality_reviews}}。", "  legality_reviews: 1000000000000000 件");
        var result = TestReports.Compile(yaml);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "RC0320");
        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("legality_reviews:", StringComparison.Ordinal)) + 1, error.Span.Line);
        Assert.Equal("  legality_reviews: ".Length + 1, error.Span.Column);
        Assert.Empty(result.Outputs);

        var largest = TestReports.Compile(TestReports.WithDuty("    text: 审查{{legality_reviews}}。", "  legality_reviews: 999999999999999 件"));
        Assert.DoesNotContain(largest.Diagnostics, d => d.Code == "RC0320");
        Assert.Contains("审查999999999999999件", largest.Output("md"));
    }

    [Fact]
    public void A_change_from_a_vanishing_previous_value_names_that_value_instead_of_failing()
    {
        var folder = Samples("shili-2023.yaml", "shili-2024.yaml");
        var previous = Path.Combine(folder, "shili-2023.yaml");
        var current = Path.Combine(folder, "shili-2024.yaml");
        File.WriteAllText(previous, ReplaceMetric(File.ReadAllText(previous), "fines", "0.0000000000000000000000000001 万元"));
        File.WriteAllText(current, ReplaceMetric(File.ReadAllText(current), "fines", "999999999999999 万元").Replace("上年为{{fines.prev}}", "{{fines.change}}", StringComparison.Ordinal));

        var (code, _, stderr) = CliRunner.Run("build", current);

        Assert.True(code == 0, stderr);
        // (How the fee's digits print is the exact-numbers rule's business; the phrase is this test's.)
        var fine = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.ChangeExtension(current, ".md")), "罚款999999999999999[.0-9]*万元，([^；]*)；");
        Assert.True(fine.Success);
        Assert.StartsWith("上年为0.0", fine.Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_a_million_half_width_commas_each_get_their_own_line_and_column()
    {
        // 2.8 MB of 甲, in one text: every comma is reported at its place (bench/run.sh prints the time).
        const int count = 700_000;
        var yaml = TestReports.WithDuty("    text: |\n      " + string.Concat(Enumerable.Repeat("甲,", count)) + "\n      乙,丙。");
        var result = TestReports.Compile(yaml);

        var commas = result.Diagnostics.Where(d => d.Code == "RC0406").ToList();
        Assert.Equal(count + 1, commas.Count);
        var line = commas[0].Span.Line;
        Assert.Equal((line, 8), (commas[0].Span.Line, commas[0].Span.Column));
        Assert.Equal((line, 7 + (2 * (count - 1)) + 1), (commas[count - 1].Span.Line, commas[count - 1].Span.Column));
        Assert.Equal((line + 1, 8), (commas[count].Span.Line, commas[count].Span.Column));
    }

    private static string ReplaceMetric(string yaml, string id, string value) =>
        string.Join('\n', yaml.Split('\n').Select(l => l.StartsWith($"  {id}:", StringComparison.Ordinal) ? $"  {id}: {value}" : l));
}
