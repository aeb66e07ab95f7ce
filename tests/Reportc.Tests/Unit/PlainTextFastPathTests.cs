using CsCheck;
using Markdig;
using Reportc.Rendering;

namespace Reportc.Tests.Unit;

/// <summary>Text that skips the Markdown parser gets exactly the HTML the parser would have given it.</summary>
public sealed class PlainTextFastPathTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    private const string Alphabet = "法治政府建设年度报告一二三，。、；：“”（）《》％—…·　 abcXYZ0123456789%,.:;?/()-+=*_[]!<>&#|~`\\\"'\n";

    [Fact]
    public void Plain_text_renders_as_markdig_renders_it()
    {
        var formatter = new MarkdownFormatter();
        var plain = 0;
        Gen.Char[Alphabet].Array[1, 30].Select(chars => new string(chars)).Sample(text =>
        {
            if (MarkdownFormatter.IsPlainText(text))
            {
                Interlocked.Increment(ref plain);
                Assert.Equal(Markdig(text), formatter.Inline(text));
            }
        }, iter: 20_000, threads: 1);

        Assert.True(plain > 500, $"only {plain} plain texts were drawn");
    }

    [Theory]
    [InlineData("全年开展学法19次，参训人员达到100%。")]
    [InlineData("落实“谁执法谁普法”责任制，发放资料3000余份")]
    [InlineData("PDF version 2.0 (draft) - see note: 1/2")]
    public void Typical_narrative_is_plain_and_unchanged(string text)
    {
        Assert.True(MarkdownFormatter.IsPlainText(text));
        Assert.Equal(Markdig(text), new MarkdownFormatter().Inline(text));
    }

    [Theory]
    [InlineData("**加粗**")]
    [InlineData("1. 第一项")]
    [InlineData("- 一项")]
    [InlineData("a < b & c")]
    [InlineData("两个  空格")]
    [InlineData("换行\n续行")]
    [InlineData("[链接](x)")]
    public void Text_with_markdown_or_html_meaning_is_not_plain(string text) =>
        Assert.False(MarkdownFormatter.IsPlainText(text));

    private static string Markdig(string text)
    {
        var html = Markdown.ToHtml(text, Pipeline);
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>\n", StringComparison.Ordinal) ? html[3..^5] : html.Trim('\n');
    }
}
