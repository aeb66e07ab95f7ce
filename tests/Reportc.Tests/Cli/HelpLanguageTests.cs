using System.CommandLine;
using Reportc.Cli;

namespace Reportc.Tests.Cli;

/// <summary>Help and usage errors in Chinese under --lang zh: the clerk's language is the tool's.</summary>
public sealed class HelpLanguageTests
{
    [Fact]
    public void Build_help_is_chinese_under_lang_zh()
    {
        var (code, output, _) = CliRunner.Run("build", "--help", "--lang", "zh");
        Assert.Equal(0, code);
        Assert.Contains("检查报告文件，并生成", output);
        Assert.Contains("要生成的输出", output);
        Assert.Contains("用法", output);
        Assert.DoesNotContain("Outputs to write", output);
    }

    [Fact]
    public void Help_stays_english_under_lang_en_after_a_chinese_run()
    {
        CliRunner.Run("build", "--help", "--lang", "zh");
        var (_, output, _) = CliRunner.Run("build", "--help", "--lang", "en");
        Assert.Contains("Print the full stack trace", output);
        Assert.Contains("Usage", output);
        Assert.DoesNotContain("堆栈", output);
    }

    [Fact]
    public void The_top_help_is_chinese_under_lang_zh()
    {
        var (code, output, _) = CliRunner.Run("--help", "--lang", "zh");
        Assert.Equal(0, code);
        Assert.Contains("检查报告文件并生成", output.Replace("，", "", StringComparison.Ordinal));
        Assert.Contains("比较两个年度的报告", output);
    }

    [Fact]
    public void A_usage_error_is_chinese_under_lang_zh()
    {
        var (code, _, error) = CliRunner.Run("build", "--no-such-option", "--lang", "zh");
        Assert.Equal(2, code);
        Assert.Contains("请运行“reportc --help”查看用法", error);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Split('\n')[0]);
    }

    [Fact]
    public void Every_description_of_every_command_has_its_chinese_words()
    {
        var root = new RootCommand("reportc: compiles annual reports from YAML (metrics + narrative) to Markdown and HTML");
        foreach (var command in ReportcApp.Commands())
        {
            root.Add(command);
        }

        root.Add(ReportcApp.StackTraceOption());
        var missing = HelpLanguage.Symbols(root).Select(s => s.Description).OfType<string>().Where(d => d.Length > 0 && HelpLanguage.Translate(d) is null).Distinct().ToList();
        Assert.True(missing.Count == 0, "no Chinese for:\n" + string.Join("\n", missing));
    }
}
