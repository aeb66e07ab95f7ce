using Reportc.Tests.Cli;

namespace Reportc.Tests.KindFolders;

/// <summary>A county's own outline: a kind in a user's folder that extends the built-in one.</summary>
public sealed class ExtendsTests
{
    private const string CountyKind = """
        id: county-township
        extends: law-based-government
        name: 某县乡镇法治政府建设年度报告
        add_sections:
          - id: grassroots
            heading: "{year}年基层法治建设情况"
            required: true
            after: measures
        drop_sections: [suggestions]
        rename_sections:
          court_rulings: "{year}年度履行人民法院生效裁判情况"
        metrics:
          mediators: { label: 人民调解员, unit: 名 }
        """;

    private static (string Kinds, string Report) Setup(string kind = CountyKind)
    {
        var folder = TestPaths.NewTempFolder();
        var kinds = Path.Combine(folder, "kinds");
        Directory.CreateDirectory(Path.Combine(kinds, "county-township"));
        File.WriteAllText(Path.Combine(kinds, "county-township", "kind.yaml"), kind);
        var report = Path.Combine(folder, "beiliu-2024.yaml");
        File.WriteAllText(report, File.ReadAllText(TestPaths.Sample).Replace("kind: law-based-government", "kind: county-township", StringComparison.Ordinal)
            .Replace("  suggestions:", "  court_rulings_note:", StringComparison.Ordinal));
        return (kinds, report);
    }

    [Fact]
    public void The_sample_under_a_county_kind_fails_naming_the_added_section_and_builds_once_it_is_written()
    {
        var (kinds, report) = Setup();
        var text = File.ReadAllText(report);
        // The county dropped the suggestions section: take the sample's out (the key was renamed above to show it as unknown).
        var start = text.IndexOf("  court_rulings_note:", StringComparison.Ordinal);
        var end = text.IndexOf("  other:", StringComparison.Ordinal);
        File.WriteAllText(report, text[..start] + text[end..]);

        var (code, _, stderr) = CliRunner.Run("check", report, "--templates", kinds);
        Assert.Equal(1, code);
        Assert.Contains("error RC0203: missing required section 三、2024年基层法治建设情况 (grassroots)", stderr);

        File.WriteAllText(report, File.ReadAllText(report).Replace("  problems:", "  grassroots: 基层法治建设扎实推进。\n  problems:", StringComparison.Ordinal));
        var build = CliRunner.Run("build", report, "--templates", kinds, "--format", "md");
        Assert.True(build.ExitCode == 0, build.Error);
        var md = File.ReadAllText(Path.ChangeExtension(report, ".md"));
        Assert.Contains("## 三、2024年基层法治建设情况", md);
        Assert.Contains("## 五、2024年度履行人民法院生效裁判情况", md);
        Assert.DoesNotContain("对全县加强法治政府建设的意见", md);
    }

    [Fact]
    public void Kinds_lists_where_each_kind_comes_from()
    {
        var (kinds, _) = Setup();
        var (code, output, _) = CliRunner.Run("kinds", "--templates", kinds);
        Assert.Equal(0, code);
        Assert.Contains("law-based-government  法治政府建设年度报告  (built-in)", output);
        Assert.Contains("county-township  某县乡镇法治政府建设年度报告", output);
        Assert.Contains("extends law-based-government", output);
        Assert.Contains("grassroots", output);
    }

    [Fact]
    public void Kinds_lists_each_sections_key_and_heading_and_the_tables_in_the_message_language()
    {
        var (code, output, _) = CliRunner.Run("kinds", "--lang", "zh");
        Assert.Equal(0, code);
        Assert.Contains("law-based-government  法治政府建设年度报告（内置）", output);
        Assert.Matches(@"\n    court_rulings +\{year\}年度履行法院生效裁判情况（可选）\n", output);
        Assert.Matches(@"\n  表格：\n    proactive +主动公开政府信息情况\n", output);

        var english = CliRunner.Run("kinds", "--lang", "en").Output;
        Assert.Matches(@"\n    suggestions +对全县加强法治政府建设的意见、建议 \(optional\)\n", english);
    }

    [Fact]
    public void Kinds_with_a_kind_named_lists_its_metric_catalogue_with_labels_and_units()
    {
        var (code, output, _) = CliRunner.Run("kinds", "law-based-government", "--lang", "zh");
        Assert.Equal(0, code);
        Assert.Contains("\n  指标（标识、名称、单位）：\n", output);
        Assert.Matches(@"\n    legality_reviews +合法性审查 +件\n", output);
        Assert.DoesNotContain("gov-info-disclosure", output);

        var all = CliRunner.Run("kinds").Output;
        Assert.DoesNotContain("legality_reviews", all);

        var (unknown, _, error) = CliRunner.Run("kinds", "law-based-govt");
        Assert.Equal(2, unknown);
        Assert.Contains("law-based-government", error);
    }

    [Theory]
    [InlineData("extends: no-such-kind", "which is not a kind that can be found")]
    [InlineData("drop_sections: [sugestions]", "did you mean 'suggestions'?")]
    [InlineData("extends: county-township", "which is not a kind that can be found")]
    public void A_broken_extension_is_reported_as_a_broken_kind(string change, string expected)
    {
        var kind = change.StartsWith("extends", StringComparison.Ordinal)
            ? CountyKind.Replace("extends: law-based-government", change, StringComparison.Ordinal)
            : CountyKind.Replace("drop_sections: [suggestions]", change, StringComparison.Ordinal);
        var (kinds, report) = Setup(kind);
        var (code, _, stderr) = CliRunner.Run("check", report, "--templates", kinds);
        Assert.Equal(1, code);
        Assert.Contains("RC0502", stderr);
        Assert.Contains(expected, stderr);
    }
}
