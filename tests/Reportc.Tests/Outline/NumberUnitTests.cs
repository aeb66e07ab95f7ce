using System.Text;
using Reportc.Rendering;
using Reportc.Tests.Cli;
using Reportc.Tests.Pdf;

namespace Reportc.Tests.Outline;

/// <summary>A number and its unit are never parted by a line break in the HTML and PDF (3.60万 / 元), and the text copied out is unchanged.</summary>
[Collection("browser")]
public sealed class NumberUnitTests
{
    // Fourteen paragraphs, each one character longer before the fine than the one before: on a 28-character
    // line one of them puts every break between a digit and 元 at the line's end.
    private static string Report()
    {
        var sb = new StringBuilder(TestReports.Header);
        sb.Append("metrics:\n  fines: 3.60 万元\nsections:\n  duty:\n    text: |\n");
        const string filler = "镇综合行政执法队严格规范公正文明执法全年共办理各类案件并依法作出处罚";
        for (var i = 0; i < 14; i++)
        {
            sb.Append("      ").Append(filler[..(12 + i)]).Append("，罚款{{fines}}，已全部缴入国库。\n\n");
        }

        sb.Append("  measures: 措施。\n  problems: 问题。\n  next_year: 安排。\n  other: 无。\n");
        return sb.ToString();
    }

    [Fact]
    public void The_html_keeps_each_number_with_its_unit_in_a_span_that_does_not_wrap_and_the_markdown_is_unchanged()
    {
        var result = TestReports.Compile(Report());
        Assert.Contains("罚款<span class=\"nw\">3.60万元</span>，", result.Output("html"));
        Assert.Contains(".nw { white-space: nowrap; }", result.Output("html"));
        Assert.DoesNotContain("nw", result.Output("md"));
        Assert.Contains("罚款3.60万元，", result.Output("md"));
    }

    [Theory]
    [InlineData("罚款3.60万元", "罚款<span class=\"nw\">3.60万元</span>")]
    [InlineData("服务群众2万余人次。", "服务群众<span class=\"nw\">2万余人次</span>。")]
    [InlineData("咨询750余人次，", "咨询<span class=\"nw\">750余人次</span>，")]
    [InlineData("同比增长26.7%", "同比增长26.7%")]
    [InlineData("2024年12月", "2024年12月")]
    [InlineData("<a href=\"#x12次\">12次</a>", "<a href=\"#x12次\"><span class=\"nw\">12次</span></a>")]
    public void Numbers_with_a_unit_are_wrapped_in_text_and_never_inside_a_tag(string html, string expected) =>
        Assert.Equal(expected, NumberUnits.KeepTogetherHtml(html, ["人次", "万元", "次", "元"]));

    [Fact]
    public void No_line_of_the_pdf_parts_a_number_from_its_unit_and_the_text_reads_as_written()
    {
        var folder = TestPaths.NewTempFolder();
        var yaml = Path.Combine(folder, "fines.yaml");
        File.WriteAllText(yaml, Report());
        var (code, _, error) = CliRunner.Run("build", yaml, "--format", "pdf", "-o", folder);
        Assert.True(code == 0, error);
        AssertKeptTogether(PdfText.Run("pdftotext", Path.Combine(folder, "fines.pdf"), "-"));
    }

    private static void AssertKeptTogether(string text)
    {
        // Each of the fourteen fines reads 3.60万元 on one line: a break inside it would show as 3.60万\n元.
        Assert.Equal(14, System.Text.RegularExpressions.Regex.Count(text, "3\\.60万元"));
        Assert.DoesNotContain(text.Split('\n'), l => l.TrimEnd().EndsWith("3.60万", StringComparison.Ordinal) || l.TrimEnd().EndsWith("3.60", StringComparison.Ordinal));
    }
}
