using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Tests.Cli;
using Reportc.Tests.Schema;

namespace Reportc.Tests.KindFolders;

/// <summary>The 政府信息公开工作年度报告 kind: its mandated tables, their arithmetic, its sample.</summary>
public sealed partial class GovInfoDisclosureTests
{
    private static readonly string SamplePath = Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml");
    private static readonly ReportCompiler Compiler = new(new KindCatalog());

    private static Compilation Compile(string yaml) => Compiler.CompileText(SourceText.FromString(SamplePath, yaml));

    [Fact]
    public void The_sample_builds_cleanly_with_the_three_tables_and_their_official_labels()
    {
        var result = Compiler.Compile(SamplePath);
        Assert.Empty(result.Diagnostics);
        // (A block's one value spans the block's columns, as the official table 二.)
        var html = result.Output("html").Replace("<td colspan=\"3\">", "<td>", StringComparison.Ordinal);
        var md = result.Output("md");
        foreach (var label in new[]
        {
            "第二十条第（一）项", "行政规范性文件", "本年收费金额（单位：万元）", "申请人情况", "法人或其他组织", "社会公益组织",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "3.危及“三安全一稳定”", "（七）总计", "四、结转下年度继续办理", "行政复议", "尚未审结",
        })
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(label), html);
            Assert.Contains(label, md);
        }

        // Every number of every row of the YAML is a cell of the HTML table, in order.
        foreach (Match row in TableRow().Matches(File.ReadAllText(SamplePath)).Where(m => m.Groups["row"].Value != "charges"))
        {
            var cells = string.Concat(row.Groups["cells"].Value.Split(',').Select(c => $"<td>{c.Trim()}</td>"));
            Assert.Contains(cells, html);
        }
    }

    [Fact]
    public void An_amount_in_wan_yuan_prints_as_typed_not_padded_to_two_decimals() =>
        Assert.Contains("<th scope=\"row\">行政事业性收费</th><td colspan=\"3\">0</td>", Compiler.Compile(SamplePath).Output("html"));

    [Fact]
    public void Totals_left_out_are_computed()
    {
        var html = Compiler.Compile(SamplePath).Output("html");
        Assert.Contains("<th scope=\"row\" colspan=\"2\">（一）予以公开</th><td>6</td><td>2</td><td>0</td><td>0</td><td>1</td><td>0</td><td>9</td>", html);
    }

    [Fact]
    public void Changing_any_single_cell_reports_exactly_the_rules_it_breaks_at_its_line_and_restoring_it_clears_them()
    {
        var lines = File.ReadAllLines(SamplePath);
        var walked = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = TableRow().Match(lines[i]);
            if (!match.Success || match.Groups["row"].Value is "regulations" or "normative" or "licensing" or "penalty" or "enforcement" or "charges")
            {
                continue;
            }

            var cells = match.Groups["cells"].Value.Split(',').Select(c => c.Trim()).ToArray();
            for (var c = 0; c < cells.Length; c++)
            {
                var changed = cells.ToArray();
                changed[c] = (int.Parse(changed[c], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var mutated = lines.ToArray();
                mutated[i] = lines[i].Replace(match.Groups["cells"].Value, string.Join(", ", changed), StringComparison.Ordinal);

                var diagnostics = Compile(string.Join('\n', mutated)).Diagnostics;
                Assert.True(diagnostics.Count > 0, $"{match.Groups["row"].Value}[{c}] broke no rule");
                Assert.All(diagnostics, d => Assert.Equal("RC1003", d.Code));

                // A rule of the row is reported at the changed cell's line; a rule of the column at the
                // line of the total row that states it.
                var statedAt = new[] { "results_total", "carried_out", "received" }.Select(r => Array.FindIndex(lines, l => l.TrimStart().StartsWith(r + ":", StringComparison.Ordinal)) + 1);
                Assert.All(diagnostics, d => Assert.True(d.Span.Line == i + 1 || statedAt.Contains(d.Span.Line), d.ToString()));
                walked++;
            }
        }

        Assert.True(walked > 150, $"{walked} cells walked");
        Assert.Empty(Compile(string.Join('\n', lines)).Diagnostics);
    }

    [Theory]
    [InlineData("    charges:        [0]", "    charges:        [25100000]", "RC1004")]
    [InlineData("    secret:         [0, 0, 0, 0, 0, 0]\n", "", "RC1002")]
    [InlineData("    licensing:      [36]", "    licensing:      [36, 1]", "RC1001")]
    [InlineData("    licensing:      [36]", "    licensing:      [多]", "RC1005")]
    [InlineData("    not_held:", "    not_hold:", "RC0204")]
    public void Table_mistakes_get_their_own_diagnostics(string from, string to, string code)
    {
        var yaml = File.ReadAllText(SamplePath).Replace(from, to, StringComparison.Ordinal);
        Assert.Contains(Compile(yaml).Diagnostics, d => d.Code == code);
    }

    [Fact]
    public void The_editor_schema_validates_the_sample()
    {
        var (code, output, _) = CliRunner.Run("schema", "gov-info-disclosure");
        Assert.Equal(0, code);
        var schema = JsonSchema.FromText(output);
        using var json = JsonDocument.Parse(YamlToJson.Convert(File.ReadAllText(SamplePath))!.ToJsonString());
        Assert.True(schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid);
        Assert.Equal(output, File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "schema", "gov-info-disclosure.schema.json")));
    }

    [GeneratedRegex(@"^    (?<row>[a-z_]+):\s+\[(?<cells>[0-9, ]+)\]", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [Fact]
    public void A_bad_cell_skips_only_the_sums_that_need_it_and_the_other_tables_are_checked_in_the_same_run()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "x.yaml");
        File.WriteAllText(input, File.ReadAllText(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"))
            .Replace("    licensing:      [36]", "    licensing:      [三十六]", StringComparison.Ordinal)
            .Replace("    disclosed:      [6, 2, 0, 0, 1, 0]", "    disclosed:      [5, 2, 0, 0, 1, 0]", StringComparison.Ordinal)
            .Replace("    cases:          [1, 0, 0, 0, 1,", "    cases:          [1, 0, 0, 0, 2,", StringComparison.Ordinal));

        var (code, _, stderr) = Cli.CliRunner.Run("check", input);

        Assert.Equal(1, code);
        var lines = stderr.Split('\n');
        Assert.Contains(lines, l => l.Contains("error RC1005", StringComparison.Ordinal)); // the text in a number cell
        Assert.Contains(lines, l => l.Contains("error RC1003", StringComparison.Ordinal) && l.Contains("收到和处理政府信息公开申请情况", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error RC1003", StringComparison.Ordinal) && l.Contains("政府信息公开行政复议、行政诉讼情况", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_or_fractional_count_in_a_table_is_named_by_its_row_and_column()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "x.yaml");
        File.WriteAllText(input, File.ReadAllText(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"))
            .Replace("    licensing:      [36]", "    licensing:      [214.5]", StringComparison.Ordinal)
            .Replace("    penalty:        [128]", "    penalty:        [-3]", StringComparison.Ordinal)
            .Replace("    charges:        [0]", "    charges:        [0.35]", StringComparison.Ordinal));

        var (code, _, stderr) = Cli.CliRunner.Run("check", input);

        Assert.Equal(1, code);
        Assert.Contains("error RC1008: '行政许可', 本年处理决定数量: 214.5 is not a whole number", stderr);
        Assert.Contains("error RC1007: '行政处罚', 本年处理决定数量: -3 is negative", stderr);
        Assert.DoesNotContain("行政事业性收费", stderr); // 万元 with decimals: 0.35 is fine
    }

    [Fact]
    public void A_row_with_too_few_numbers_says_how_many_with_and_without_totals_and_names_the_columns_by_group()
    {
        var folder = TestPaths.NewTempFolder();
        var input = Path.Combine(folder, "x.yaml");
        File.WriteAllText(input, File.ReadAllText(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"))
            .Replace("    cases:          [1, 0, 0, 0, 1,  0, 0, 0, 0, 0,  0, 0, 0, 0, 0]", "    cases:          [1, 0, 0]", StringComparison.Ordinal));

        var (_, _, stderr) = Cli.CliRunner.Run("check", input, "--lang", "zh");

        Assert.Contains("一行有 3 个数字，应为 12 个（或连同总计 15 个）：行政复议·结果维持、行政复议·结果纠正、", stderr);
        Assert.Contains("、行政诉讼·复议后起诉·总计", stderr);
    }
}
