using Reportc.Tests.Cli;

namespace Reportc.Tests.Confinement;

/// <summary>
/// What a submitted report publishes: links only to http(s), mailto and the document itself; raw HTML typed
/// into a field is text in the .md as in the HTML (checked through pandoc, which readers convert it with);
/// control characters are refused in values and shown, never printed, in diagnostics.
/// </summary>
public sealed class PublishedContentTests
{
    private static (int Code, string Error, string Md, string Html) Build(string yaml)
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, yaml);
        var (code, _, error) = CliRunner.Run("build", input, "--format", "md,html", "--lang", "en");
        var md = Path.ChangeExtension(input, ".md");
        return (code, error, File.Exists(md) ? File.ReadAllText(md) : "", File.Exists(md) ? File.ReadAllText(Path.ChangeExtension(input, ".html")) : "");
    }

    private static string Pandoc(string markdown)
    {
        var (code, html, error) = Processes.Run("pandoc", ["-f", "markdown", "-t", "html"], input: markdown);
        Assert.True(code == 0, error);
        return html;
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("VBScript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void A_link_that_is_not_http_mailto_or_in_the_document_is_published_as_its_text_with_a_warning(string url)
    {
        var (code, error, md, html) = Build(TestReports.WithDuty($"    text: |\n      详见[办事指南]({url})和[门户网站](https://www.example.gov.cn/)。"));

        Assert.True(code == 0, error);
        Assert.Contains("warning RC0417: the link to '", error);
        Assert.Contains("详见办事指南和", html);
        Assert.Contains("<a href=\"https://www.example.gov.cn/\">门户网站</a>", html);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("file:", html, StringComparison.Ordinal);
        Assert.Contains("详见办事指南和[门户网站](https://www.example.gov.cn/)。", md);
        var converted = Pandoc(md);
        Assert.DoesNotContain("script:", converted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://www.example.gov.cn/\"", converted);
    }

    [Fact]
    public void A_link_in_a_table_cell_of_the_text_and_an_image_are_taken_out_too()
    {
        var (code, error, md, html) = Build(TestReports.WithDuty("    text: |\n      | 项目 | 链接 |\n      |---|---|\n      | 指南 | [点此](javascript:alert(1)) |\n\n      ![公章](https://evil.example/track.png)全年办结。"));

        Assert.True(code == 0, error);
        Assert.Contains("warning RC0417", error);
        Assert.Contains("warning RC0418: the image 'https://evil.example/track.png' is not printed", error);
        Assert.DoesNotContain("javascript", html + md, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html + md, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", Pandoc(md), StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_typed_into_fields_and_text_is_text_in_the_markdown_as_pandoc_reads_it()
    {
        var yaml = TestReports.WithDuty("    text: 推进依法行政<script>alert('text')</script>工作。")
            .Replace("title: 示例镇2024年法治政府建设工作情况的报告", "title: 示例镇2024年法治政府建设工作情况的报告<script>alert('title')</script>", StringComparison.Ordinal)
            .Replace("  date: 2025-01-18\n", "  date: 2025-01-18\n  to: 示例县人民政府<img src=x onerror=alert(1)>\n", StringComparison.Ordinal);

        var (code, error, md, html) = Build(yaml);

        Assert.True(code == 0, error);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        var converted = Pandoc(md);
        Assert.DoesNotContain("<script", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", converted, StringComparison.Ordinal);
        Assert.Contains("工作情况的报告&lt;script&gt;alert(", converted);
        Assert.Contains("推进依法行政&lt;script&gt;", converted);
    }

    [Theory]
    [InlineData("title: \"示例镇2024年法治政府建设工作情况的报告\\e[2K\\rr.yaml(1,1): error RC0000: forged\"", "U+001B")]
    [InlineData("title: \"示例镇2024年法治政府建设工作情况的报告\\rforged\"", "U+000D")]
    [InlineData("title: \"示例镇2024年法治政府建设工作情况的报告\\u202Eforged\"", "U+202E")]
    public void A_control_character_in_a_value_is_an_error_and_is_never_printed_raw(string title, string named)
    {
        var yaml = TestReports.WithDuty("    text: 正文。").Replace("title: 示例镇2024年法治政府建设工作情况的报告", title, StringComparison.Ordinal);

        var (code, error, md, _) = Build(yaml);

        Assert.Equal(1, code);
        Assert.Contains($"error RC0018: a control character ({named}) in this value", error);
        Assert.Equal("", md);
        Assert.DoesNotContain('\u001B', error);
        Assert.DoesNotContain('\r', error);
        Assert.DoesNotContain('\u202E', error);
        Assert.DoesNotContain("\nr.yaml(1,1): error RC0000", error);
    }
}
