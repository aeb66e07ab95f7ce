using Reportc.Rendering;
using Reportc.Text;

namespace Reportc.Tests.Outline;

/// <summary>Title lines fit the 版心 at 2号 (20 characters) and break between words (GB/T 9704 7.3.2).</summary>
public sealed class TitleLayoutTests
{
    [Theory]
    [InlineData("中共青石镇委员会 青石镇人民政府关于2025年度法治政府建设工作情况的报告", "中共青石镇委员会,青石镇人民政府", "中共青石镇委员会 青石镇人民政府|关于2025年度法治政府建设工作情况的报告")]
    [InlineData("青山县人民政府关于2025年法治政府建设情况的报告", "青山县人民政府", "青山县人民政府|关于2025年法治政府建设情况的报告")]
    [InlineData("中共北留镇委员会北留镇人民政府2024年法治政府建设工作情况的报告", "中共北留镇委员会,北留镇人民政府", "中共北留镇委员会北留镇人民政府|2024年法治政府建设工作情况的报告")]
    [InlineData("示例县司法局2024年政府信息公开工作年度报告", "示例县司法局", "示例县司法局|2024年政府信息公开工作年度报告")]
    [InlineData("2024年法治政府建设工作情况的报告", "北留镇人民政府", "2024年法治政府建设工作情况的报告")]
    public void A_title_too_wide_for_one_line_breaks_where_its_words_allow(string title, string issuers, string expected)
    {
        var lines = TitleLayout.Lines([title], issuers.Split(','));
        Assert.Equal(expected.Split('|'), lines);
    }

    [Fact]
    public void A_very_long_title_becomes_lines_within_the_width_none_splitting_a_word()
    {
        string[] issuers = ["中共青石镇委员会", "青石镇人民政府"];
        var title = "中共青石镇委员会青石镇人民政府关于深入推进2025年度法治政府建设和依法行政工作落实情况暨2026年度法治建设工作安排的报告";
        var lines = TitleLayout.Lines([title], issuers);
        Assert.True(lines.Count >= 3, string.Join(" / ", lines));
        Assert.All(lines, l => Assert.True(CjkText.DisplayWidth(l) <= TitleLayout.LineWidth, l));
        Assert.Equal(title, string.Concat(lines));
        var at = 0;
        foreach (var line in lines.SkipLast(1))
        {
            at += line.Length;
            Assert.Null(TitleLayout.WordSplitAt(title, at, issuers));
        }
    }

    [Fact]
    public void The_lines_a_clerk_wrote_that_fit_are_kept_as_written()
    {
        string[] written = ["中共北留镇委员会", "北留镇人民政府", "2024年法治政府建设工作情况的报告"];
        Assert.Equal(written, TitleLayout.Lines(written, ["中共北留镇委员会", "北留镇人民政府"]));
    }

    [Theory]
    [InlineData("青山县人民政府关于2025年法治政府建设情", "况的报告", "情况")]
    [InlineData("青山县人民", "政府关于2025年法治政府建设情况的报告", "青山县人民政府")]
    [InlineData("青山县人民政府关于20", "25年法治政府建设情况的报告", "2025年")]
    public void A_break_inside_a_word_is_found(string before, string after, string word) =>
        Assert.Equal(word, TitleLayout.WordSplitAt(before + after, before.Length, ["青山县人民政府"]));

    [Fact]
    public void The_clerks_break_inside_a_word_is_a_warning_at_the_line_and_a_break_between_words_is_not()
    {
        var yaml = TestReports.WithDuty("    text: 履职。").Replace(
            "  title: 示例镇2024年法治政府建设工作情况的报告\n",
            "  title: |\n    示例镇人民政府关于2024年法治政府建设情\n    况的报告\n",
            StringComparison.Ordinal);
        var warning = Assert.Single(TestReports.Compile(yaml).Diagnostics);
        Assert.Equal("RC0709", warning.Code);
        Assert.Equal((8, 5), (warning.Span.Line, warning.Span.Column));
        Assert.Contains("'情况'", warning.Message);

        var fine = yaml.Replace("    示例镇人民政府关于2024年法治政府建设情\n    况的报告\n", "    示例镇人民政府\n    关于2024年法治政府建设情况的报告\n", StringComparison.Ordinal);
        Assert.Empty(TestReports.Compile(fine).Diagnostics);
    }

    [Fact]
    public void The_html_and_the_docx_print_the_broken_lines()
    {
        var yaml = TestReports.WithDuty("    text: 履职。").Replace(
            "  title: 示例镇2024年法治政府建设工作情况的报告\n",
            "  title: 中共示例镇委员会 示例镇人民政府关于2024年度法治政府建设工作情况的报告\n",
            StringComparison.Ordinal);
        var result = new ReportCompiler(new Kinds.KindCatalog(), new CompilerOptions { Formats = ["md", "html", "docx"] })
            .CompileText(Loading.SourceText.FromString("t.yaml", yaml));
        Assert.Contains("<span class=\"title-line\">中共示例镇委员会 示例镇人民政府</span><span class=\"title-line\">关于2024年度法治政府建设工作情况的报告</span>", result.Output("html"));
        using var docx = new System.IO.Compression.ZipArchive(new MemoryStream(result.Outputs.Single(o => o.Format == "docx").Bytes!));
        var document = new StreamReader(docx.GetEntry("word/document.xml")!.Open()).ReadToEnd();
        Assert.Matches("中共示例镇委员会 示例镇人民政府</w:t></w:r><w:r><w:br/></w:r><w:r>(<w:rPr>.*?</w:rPr>)?<w:t[^>]*>关于2024年度法治政府建设工作情况的报告", document);
    }
}
