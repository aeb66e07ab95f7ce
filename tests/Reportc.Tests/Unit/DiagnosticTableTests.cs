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
            Assert.Contains($"| {d.Code} | {d.Severity.ToString().ToLowerInvariant()} |", doc);
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
