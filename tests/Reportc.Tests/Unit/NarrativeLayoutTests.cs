namespace Reportc.Tests.Unit;

public sealed class NarrativeLayoutTests
{
    [Theory]
    [InlineData("    text: | # 见2024年报告\n      第一行，\n      第二行。", "第一行，第二行。")]
    [InlineData("    text: |2\n        缩进的第一行，\n      第二行。", "缩进的第一行，第二行。")]
    [InlineData("    text: >-\n      折叠的\n      一段。\n\n\n", "折叠的一段。")]
    public void A_block_text_is_read_as_typed_and_a_comment_after_its_header_is_not_an_indentation(string duty, string expected)
    {
        var md = TestReports.Compile(TestReports.WithDuty(duty)).Output("md");
        Assert.Contains(expected, md);
    }

    [Fact]
    public void Run_in_points_render_as_one_paragraph_numbered_yi_shi_er_shi()
    {
        var result = TestReports.Compile(TestReports.WithDuty("""
                points:
                  - title: 加强理论学习
                    text: 深入学习。
                  - title: 压实责任清单。
                    text: 制定规划。
                  - 继续提高政治站位。
            """));

        var md = result.Output("md");
        Assert.Contains("**一是加强理论学习**。深入学习。**二是压实责任清单**。制定规划。**三是**继续提高政治站位。", md);
        var html = result.Output("html");
        Assert.Contains("<p><strong class=\"runin point\">一是加强理论学习。</strong>深入学习。<strong class=\"runin point\">二是压实责任清单。</strong>制定规划。<strong class=\"runin point\">三是</strong>继续提高政治站位。</p>", html);
    }

    [Fact]
    public void Subsections_are_numbered_and_their_title_runs_into_the_text()
    {
        var result = TestReports.Compile(TestReports.WithDuty("""
                subsections:
                  - title: 加强组织领导
                    text: 成立领导小组。
                  - title: 推进依法决策
                    points: [广泛征求意见。, 合法性审查。]
                  - title: 强化培训
                    runin: false
                    text: 培训干部。
            """));

        var md = result.Output("md");
        Assert.Contains("**（一）加强组织领导**。成立领导小组。", md);
        Assert.Contains("**（二）推进依法决策**。**一是**广泛征求意见。**二是**合法性审查。", md);
        Assert.Contains("### （三）强化培训\n\n培训干部。", md);
    }

    [Fact]
    public void A_paragraph_wrapped_between_Chinese_characters_has_no_space_at_the_joins()
    {
        var result = TestReports.Compile(TestReports.WithDuty("""
                text: |
                  扎实推动法治建设高
                  质量发展，推动学法
                  常态化。
                points:
                  - >
                    折叠的文本也
                    不加空格。
            """));

        Assert.Contains("扎实推动法治建设高质量发展，推动学法常态化。", result.Output("md"));
        Assert.Contains("<p>扎实推动法治建设高质量发展，推动学法常态化。</p>", result.Output("html"));
        Assert.Contains("折叠的文本也不加空格。", result.Output("md"));
        Assert.Contains("折叠的文本也不加空格。", result.Output("html"));
    }

    [Fact]
    public void Raw_html_in_narrative_is_escaped_and_never_reaches_the_html_as_markup()
    {
        var result = TestReports.Compile(TestReports.WithDuty("""
                text: 正文<script>alert(1)</script>正文 <img src=x onerror=alert(1)>
            """));

        var html = result.Output("html");
        var body = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script", body);
        Assert.DoesNotContain("<img", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("\\<script>", result.Output("md"));
    }

    [Fact]
    public void Metric_references_write_value_and_unit_each_time()
    {
        var result = TestReports.Compile(TestReports.WithDuty(
            "    text: 学法{{central_group_study}}，咨询{{legal_consultations}}，罚款{{fines}}，成功率{{dispute_success_rate}}，{{year}}年、{{next_year}}年。",
            """
              central_group_study: 19 次
              legal_consultations: 750余 人次
              fines: 11.88 万元
              dispute_success_rate: 100%
            """));

        Assert.Contains("学法19次，咨询750余人次，罚款11.88万元，成功率100%，2024年、2025年。", result.Output("md"));
    }

    [Fact]
    public void Optional_sections_left_out_leave_no_gap_in_the_numbering()
    {
        var md = TestReports.Compile(TestReports.WithDuty("    text: 正文。")).Output("md");
        Assert.Contains("## 一、2024年党政主要负责人", md);
        Assert.Contains("## 四、2025年度推进法治政府建设的主要安排", md);
        Assert.Contains("## 五、其他需要报告的重要事项", md);
    }

    [Fact]
    public void A_heading_subsection_is_a_heading_element_in_html()
    {
        var html = TestReports.Compile(TestReports.WithDuty("""
                subsections:
                  - title: 规范行政执法
                    runin: false
                    text: 正文。
            """)).Output("html");

        Assert.Contains("<h3 class=\"level-2\">（一）规范行政执法</h3>", html);
    }

    [Fact]
    public void A_run_in_title_with_only_subsections_comes_before_them()
    {
        var md = TestReports.Compile(TestReports.WithDuty("""
                subsections:
                  - title: 完善制度体系
                    subsections:
                      - title: 修订规章制度
                        text: 修订制度。
                      - title: 清理规范性文件
                        text: 清理文件。
            """)).Output("md");

        var parent = md.IndexOf("**（一）完善制度体系**。", StringComparison.Ordinal);
        var first = md.IndexOf("**1.修订规章制度**。修订制度。", StringComparison.Ordinal);
        var second = md.IndexOf("**2.清理规范性文件**。清理文件。", StringComparison.Ordinal);
        Assert.True(parent >= 0 && parent < first && first < second, md);
    }

    [Fact]
    public void A_heading_override_may_name_the_year()
    {
        var yaml = TestReports.WithDuty("    text: 正文。").Replace("  other: 无。", "  other:\n    heading: \"{{year}}年度其他事项\"\n    text: 无。", StringComparison.Ordinal);
        Assert.Contains("## 五、2024年度其他事项", TestReports.Compile(yaml).Output("md"));
    }

    [Fact]
    public void Signer_and_copies_are_rendered_the_way_gb_t_9704_writes_them()
    {
        var yaml = TestReports.WithDuty("    text: 正文。").Replace("  date: 2025-01-18", "  date: 2025-01-18\n  signer: 王建国\n  cc: [县委办, 县政府办]\n  to: [县委, 县政府]", StringComparison.Ordinal);
        var md = TestReports.Compile(yaml).Output("md");

        Assert.Contains("签发人：王建国", md);
        Assert.Contains("抄送：县委办，县政府办。", md);
        Assert.Contains("县委、县政府：", md);
    }
}
