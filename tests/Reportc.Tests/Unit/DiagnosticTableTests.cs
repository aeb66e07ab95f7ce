using System.Globalization;
using System.Reflection;
using System.Resources;
using Reportc.Diagnostics;

namespace Reportc.Tests.Unit;

public sealed class DiagnosticTableTests
{
    private static readonly DiagnosticDescriptor[] All = [.. typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];

    [Fact]
    public void Every_code_is_used_once() =>
        Assert.Equal(All.Length, All.Select(d => d.Code).Distinct().Count());

    [Fact]
    public void Every_code_has_an_english_and_a_chinese_message_that_differ()
    {
        var resources = new ResourceManager("Reportc.Diagnostics.Messages", typeof(Descriptors).Assembly);
        foreach (var d in All)
        {
            var en = resources.GetString(d.Code, CultureInfo.InvariantCulture);
            var zh = resources.GetString(d.Code, CultureInfo.GetCultureInfo("zh"));
            Assert.False(string.IsNullOrEmpty(en), d.Code);
            Assert.False(string.IsNullOrEmpty(zh), d.Code);
            Assert.NotEqual(en, zh);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
        }
    }

    [Fact]
    public void Every_code_is_documented_with_its_severity()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "diagnostics.md"));
        foreach (var d in All)
        {
            Assert.Contains($"| <a id=\"{d.Code.ToLowerInvariant()}\"></a>{d.Code} | {d.Severity.ToString().ToLowerInvariant()} |", doc);
        }
    }

    // SARIF's helpUri for a code is docs/diagnostics.md#rc0101: the anchor must be one a renderer makes (a table
    // row has none of its own), so the page is rendered by markdown-it and pandoc's GitHub reader and every
    // code's id looked for in the HTML; the page helpUri names is the copy installed beside reportc.
    [Fact]
    public void Every_codes_help_uri_points_to_an_anchor_that_renderers_make_in_docs_diagnostics_md()
    {
        var doc = Path.Combine(TestPaths.Root, "docs", "diagnostics.md");
        var markdownIt = Path.Combine(TestPaths.Root, "out", "tools", "node_modules", ".bin", "markdown-it");
        Assert.True(File.Exists(markdownIt), "markdown-it is missing: npm install --prefix out/tools markdown-it@14.1.0 (build.ps1 test does it)");
        var renderings = new[]
        {
            Pdf.PdfText.Run(markdownIt, doc),
            Pdf.PdfText.Run("pandoc", "-f", "gfm", "-t", "html", "--wrap=none", doc),
        };

        foreach (var d in All)
        {
            var uri = new Uri(Reportc.Cli.DiagnosticWriter.HelpUri(d.Code));
            Assert.True(uri.IsAbsoluteUri);
            Assert.Equal("#" + d.Code.ToLowerInvariant(), uri.Fragment);
            Assert.EndsWith("/docs/diagnostics.md", uri.AbsolutePath, StringComparison.Ordinal);
            Assert.True(File.Exists(uri.LocalPath), $"{uri.LocalPath}: the page helpUri names is not installed beside reportc");
            Assert.Equal(File.ReadAllText(doc), File.ReadAllText(uri.LocalPath));
            foreach (var html in renderings)
            {
                var row = System.Text.RegularExpressions.Regex.Match(html, $"<tr[^>]*>\\s*<td><a id=\"{uri.Fragment[1..]}\"></a>{d.Code}</td>\\s*<td>([a-z]+)</td>");
                Assert.True(row.Success, $"{d.Code}: no element with id {uri.Fragment[1..]} at the start of its row");
                Assert.Equal(d.Severity.ToString().ToLowerInvariant(), row.Groups[1].Value);
            }
        }
    }

    [Fact]
    public void Chinese_is_chosen_for_a_chinese_ui_culture_or_when_asked()
    {
        Assert.Same(MessageText.Chinese, MessageText.For("zh"));
        Assert.Same(MessageText.English, MessageText.For("en"));
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Same(MessageText.Chinese, MessageText.For(null));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Same(MessageText.English, MessageText.For(null));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void A_missing_section_is_named_in_chinese_with_lang_zh()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "r.yaml");
        File.WriteAllText(input, TestReports.WithDuty("    text: 正文。").Replace("  problems: 问题。\n", "", StringComparison.Ordinal));

        var (code, _, stderr) = Cli.CliRunner.Run("check", input, "--lang", "zh");

        Assert.Equal(1, code);
        Assert.Contains("error RC0203: 缺少必需章节 三、2024年推进法治政府建设存在问题短板及原因（problems）", stderr);
    }
}
