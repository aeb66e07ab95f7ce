using System.Text.Json;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Tests.Cli;
using Reportc.Tests.Pdf;

namespace Reportc.Tests.Text;

/// <summary>
/// Text as clerks write real reports (issue 14): bold leads next to Chinese punctuation, paragraphs pasted
/// from Word, numbering typed in every form, 万 and 余, numbers in dates. Each case invented, shaped like a
/// township's report.
/// </summary>
public sealed class ClerkTextTests
{
    private static readonly ReportCompiler WithWord = new(new KindCatalog(), new CompilerOptions { Formats = ["md", "html", "docx"] });

    private const string BoldLead = """
            text: |
              **健全领导机制。**镇党委每季度专题研究法治建设工作，主要负责人带头讲法治课。

              在**“枫桥经验”**基础上，推进矛盾纠纷多元化解。
        """;

    [Fact]
    public void A_bold_lead_closed_by_a_Chinese_full_stop_is_bold_in_the_html_and_the_word_output()
    {
        var result = WithWord.CompileText(SourceText.FromString("lead.yaml", TestReports.WithDuty(BoldLead)));

        var html = result.Output("html");
        Assert.Contains("<strong>健全领导机制。</strong>镇党委每季度", html);
        Assert.Contains("在<strong>“枫桥经验”</strong>基础上", html);
        Assert.DoesNotContain("**", html);

        var docx = Path.Combine(TestPaths.NewTempFolder(), "lead.docx");
        File.WriteAllBytes(docx, result.Outputs.Single(o => o.Format == "docx").Bytes!);
        var read = PdfText.Run("pandoc", "-f", "docx", "-t", "html", "--wrap=none", docx);
        Assert.Contains("<strong>健全领导机制", read);
        Assert.Contains("<strong>枫桥经验", read);
        Assert.DoesNotContain("**", read);
    }

    [Fact]
    public void The_markdown_output_of_a_bold_lead_is_bold_in_pandoc_gfm_and_in_markdown_it()
    {
        var md = TestReports.Compile(TestReports.WithDuty(BoldLead)).Output("md");
        Assert.Contains("**健全领导机制**。镇党委每季度", md);
        Assert.Contains("在“**枫桥经验**”基础上", md);
        var file = Path.Combine(TestPaths.NewTempFolder(), "lead.md");
        File.WriteAllText(file, md);

        var pandoc = PdfText.Run("pandoc", "-f", "gfm", "-t", "html", "--wrap=none", file);
        var markdownIt = Path.Combine(TestPaths.Root, "out", "tools", "node_modules", ".bin", "markdown-it");
        Assert.True(File.Exists(markdownIt), "markdown-it is missing: npm install --prefix out/tools markdown-it@14.1.0 (build.ps1 test does it)");
        var it = PdfText.Run(markdownIt, file);
        foreach (var html in new[] { pandoc, it })
        {
            Assert.Contains("<strong>健全领导机制</strong>。镇党委每季度", html);
            Assert.Contains("在“<strong>枫桥经验</strong>”基础上", html);
            Assert.DoesNotContain("**", html);
        }
    }

    [Fact]
    public void Leads_are_paragraphs_each_led_by_a_bold_title_without_a_number()
    {
        var result = TestReports.Compile(TestReports.WithDuty("""
                text: 镇党委高度重视法治建设。
                leads:
                  - title: 健全领导机制
                    text: 成立以党委书记为组长的领导小组。
                  - title: 完善议事规则。
                    text: |
                      修订党委会议事规则，
                      规范重大事项决策程序。
                  - title: 强化督促检查
            """));

        var md = result.Output("md");
        Assert.Contains("镇党委高度重视法治建设。\n\n**健全领导机制**。成立以党委书记为组长的领导小组。\n\n**完善议事规则**。修订党委会议事规则，规范重大事项决策程序。\n\n**强化督促检查**。", md);
        var html = result.Output("html");
        Assert.Contains("<p><strong class=\"runin lead\">健全领导机制。</strong>成立以党委书记为组长的领导小组。</p>", html);
        Assert.Contains("<p><strong class=\"runin lead\">强化督促检查。</strong></p>", html);
        Assert.DoesNotContain("一是", md);
        Assert.DoesNotContain("（一）", md);
    }

    [Fact]
    public void Text_pasted_from_Word_keeps_its_paragraphs_and_loses_its_full_width_indent_with_a_warning()
    {
        var result = TestReports.Compile(TestReports.WithDuty("""
                text: |
                  　　一年来，镇党委坚持把法治建设摆在全局工作的重要位置，定期听取法治建设工作汇报。
                  　　镇政府严格落实重大行政决策程序，全年未发生行政诉讼败诉案件。
                  全面推行行政执法公示制度，执法行为进一步规范。
            """));

        var md = result.Output("md");
        Assert.Contains("职责情况\n\n一年来，镇党委坚持把法治建设摆在全局工作的重要位置，定期听取法治建设工作汇报。\n\n镇政府严格落实重大行政决策程序，全年未发生行政诉讼败诉案件。\n\n全面推行行政执法公示制度，执法行为进一步规范。\n", md);
        Assert.DoesNotContain("\u3000", md);
        var html = result.Output("html");
        Assert.All(new[] { "<p>一年来，", "<p>镇政府严格", "<p>全面推行" }, p => Assert.Contains(p, html));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "RC0419");
        Assert.Equal((11, 7), (warning.Span.Line, warning.Span.Column));
    }

    [Fact]
    public void Lines_wrapped_by_hand_still_join_even_where_one_ends_a_sentence()
    {
        // As in the 北留镇 sample: a line may end with 。 when the next goes on in the same paragraph.
        var md = TestReports.Compile(TestReports.WithDuty("""
                text: |
                  依托“三长会商”机制，完成镇综治中心提升改造，通过司法所创建验收。
                  全年提供法律咨询，调处疑难复杂纠纷，
                  办理行政处罚案件，法治文化阵地实现全覆盖。
            """)).Output("md");

        Assert.Contains("依托“三长会商”机制，完成镇综治中心提升改造，通过司法所创建验收。全年提供法律咨询，调处疑难复杂纠纷，办理行政处罚案件，法治文化阵地实现全覆盖。", md);
    }

    [Fact]
    public void Numbering_typed_into_a_numbered_title_or_point_is_printed_once()
    {
        var result = TestReports.Compile(TestReports.WithDuty("""
                points:
                  - title: 一是加强理论学习
                    text: 集中学法。
                  - 二是压实责任清单。
                subsections:
                  - title: （一）坚持学习
                    text: 学习宪法。
                  - title: 2.强化培训
                    runin: false
                    text: 培训干部。
            """));

        var md = result.Output("md");
        Assert.Contains("**一是加强理论学习**。集中学法。**二是**压实责任清单。", md);
        Assert.Contains("**（一）坚持学习**。学习宪法。", md);
        Assert.Contains("### （二）强化培训", md);
        Assert.DoesNotContain("（一）（一）", md);
        Assert.DoesNotContain("一是一是", md);
        Assert.Equal(4, result.Diagnostics.Count(d => d.Code == "RC0404"));
    }

    [Theory]
    [InlineData("legal_consultations: 2万余 人次")]
    [InlineData("legal_consultations: 2余 万人次")]
    [InlineData("legal_consultations: 2万余人次")]
    [InlineData("legal_consultations: { value: 2, approx: true, unit: 万人次 }")]
    [InlineData("legal_consultations: { value: 2余, unit: 万人次 }")]
    public void Two_ten_thousand_odd_visits_print_the_Chinese_way_and_the_catalogue_takes_its_unit_in_wan(string metric)
    {
        var result = TestReports.Compile(TestReports.WithDuty("    text: 全年提供法律咨询{{legal_consultations}}。", "  " + metric));

        Assert.Empty(result.Diagnostics);
        Assert.Contains("全年提供法律咨询2万余人次。", result.Output("md"));
    }

    [Theory]
    [InlineData("{ value: 3.5万 人次, label: 接待群众 }", "3.5万人次")]
    [InlineData("{ value: 1.25万余 人次, label: 接待群众 }", "1.25万余人次")]
    [InlineData("{ value: 3500余, unit: 元, label: 罚没款 }", "3500余元")]
    public void A_value_with_wan_or_yu_is_printed_as_typed(string metric, string expected)
    {
        var result = TestReports.Compile(TestReports.WithDuty("    text: 全年{{visits}}。", "  visits: " + metric));

        Assert.Empty(result.Diagnostics);
        Assert.Contains($"全年{expected}。", result.Output("md"));
    }

    [Fact]
    public void Diff_json_keeps_the_yu_of_an_approximate_value()
    {
        var folder = TestPaths.NewTempFolder();
        string Write(string name, string metric, int year) => WriteReport(folder, name, metric, year);
        var old = Write("2023.yaml", "legal_consultations: 5200余 人次", 2023);
        var @new = Write("2024.yaml", "legal_consultations: 6000 人次", 2024);

        using var json = JsonDocument.Parse(CliRunner.Run("diff", old, @new, "--format", "json").Output);
        var metric = json.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "legal_consultations");
        Assert.Equal(5200m, metric.GetProperty("old").GetDecimal());
        Assert.True(metric.GetProperty("oldApprox").GetBoolean());
        Assert.False(metric.GetProperty("newApprox").GetBoolean());
    }

    private static string WriteReport(string folder, string name, string metric, int year)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, TestReports.WithDuty("    text: 提供法律咨询{{legal_consultations}}。", "  " + metric)
            .Replace("year: 2024", $"year: {year}", StringComparison.Ordinal)
            .Replace("2024年", $"{year}年", StringComparison.Ordinal)
            .Replace("2025-01-18", $"{year + 1}-01-18", StringComparison.Ordinal)
            .Replace("〔2025〕", $"〔{year + 1}〕", StringComparison.Ordinal));
        return path;
    }
}
