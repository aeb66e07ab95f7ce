using Reportc.Rendering;
using Reportc.Text;

namespace Reportc.Tests.Unit;

public sealed class CjkTextTests
{
    [Theory]
    [InlineData("扎实推动法治建设高\n质量发展。", "扎实推动法治建设高质量发展。")]
    [InlineData("全年学法19次，\n推动学法常态化。", "全年学法19次，推动学法常态化。")]
    [InlineData("学法\n19次", "学法19次")]
    [InlineData("see the\nreport", "see the report")]
    [InlineData("宪法护你成长\n  继续", "宪法护你成长继续")]
    [InlineData("第一段。\n\n第二段。", "第一段。\n\n第二段。")]
    [InlineData("硬换行  \n下一行", "硬换行  \n下一行")]
    [InlineData("列表：\n- 一项\n- 两项", "列表：\n- 一项\n- 两项")]
    [InlineData("“民法典相伴 法治进乡村”", "“民法典相伴 法治进乡村”")]
    public void Line_breaks_between_Chinese_characters_join_without_a_space(string input, string expected) =>
        Assert.Equal(expected, CjkText.JoinLines(input));

    [Fact]
    public void Raw_html_in_markdown_is_escaped_so_it_stays_text() =>
        Assert.Equal("a \\<script>alert(1)\\</script> b < 3", CjkText.EscapeRawHtml("a <script>alert(1)</script> b < 3"));

    [Fact]
    public void Paragraphs_split_on_blank_lines_but_keep_fenced_code_whole() =>
        Assert.Equal(["一", "```\nx\n\ny\n```", "二"], CjkText.Paragraphs("一\n\n```\nx\n\ny\n```\n\n\n二\n"));
}
