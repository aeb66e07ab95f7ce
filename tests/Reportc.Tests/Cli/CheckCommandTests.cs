using System.Text.Json;

namespace Reportc.Tests.Cli;

public sealed class CheckCommandTests
{
    // A valid report with one unused metric (a warning) and a half-width comma (a warning).
    private static string Report(string extraMetricLine = "  fines: 3 万元\n") =>
        TestReports.WithDuty("    text: 学法{{central_group_study}},推进。", "  central_group_study: 19 次\n" + extraMetricLine);

    private static string WriteInput(string yaml)
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "r.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Check_reports_without_writing_anything()
    {
        var input = WriteInput(Report());
        var (code, stdout, stderr) = CliRunner.Run("check", input);

        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("warning RC0402", stderr);
        Assert.Contains("warning RC0406", stderr);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(input)!));
    }

    [Fact]
    public void Warnings_as_errors_fail_the_check_and_the_build()
    {
        var input = WriteInput(Report());
        Assert.Equal(1, CliRunner.Run("check", input, "--warnaserror").ExitCode);
        var (code, _, stderr) = CliRunner.Run("build", input, "--warnaserror");
        Assert.Equal(1, code);
        Assert.Contains("error RC0402", stderr);
        Assert.False(File.Exists(Path.ChangeExtension(input, ".md")));
    }

    [Fact]
    public void Nowarn_silences_the_named_codes_only()
    {
        var (code, _, stderr) = CliRunner.Run("check", WriteInput(Report()), "--nowarn", "RC0402", "--warnaserror");
        Assert.Equal(1, code);
        Assert.DoesNotContain("RC0402", stderr);
        Assert.Contains("RC0406", stderr);

        var all = CliRunner.Run("check", WriteInput(Report()), "--nowarn", "RC0402,rc0406", "--warnaserror");
        Assert.Equal(0, all.ExitCode);
    }

    [Fact]
    public void Nowarn_takes_one_value_so_a_file_after_it_stays_a_file_and_a_non_code_is_refused()
    {
        var input = WriteInput(Report());
        var before = CliRunner.Run("check", "--nowarn", "RC0402", input, "--warnaserror");
        Assert.Equal(1, before.ExitCode);
        Assert.Contains("RC0406", before.Error);
        Assert.DoesNotContain("RC0402", before.Error);

        var wrong = CliRunner.Run("check", "--nowarn", "m5.yaml", input);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("'m5.yaml' is not a diagnostic code", wrong.Error);
    }

    [Fact]
    public void A_comment_with_a_reason_silences_one_diagnostic_on_its_line()
    {
        var silenced = CliRunner.Run("check", WriteInput(Report("  fines: 3 万元   # reportc-ignore RC0402: 罚款在附表中列出\n")));
        Assert.DoesNotContain("RC0402", silenced.Error);

        var above = CliRunner.Run("check", WriteInput(Report("  # reportc-ignore RC0402: 罚款在附表中列出\n  fines: 3 万元\n")));
        Assert.DoesNotContain("RC0402", above.Error);

        var noReason = CliRunner.Run("check", WriteInput(Report("  fines: 3 万元   # reportc-ignore RC0402\n")));
        Assert.Equal(1, noReason.ExitCode);
        Assert.Contains("RC0008", noReason.Error);
        Assert.Contains("RC0402", noReason.Error);
    }

    [Fact]
    public void Json_diagnostics_are_an_array_of_located_problems_on_standard_output()
    {
        var (code, stdout, _) = CliRunner.Run("check", WriteInput(Report()), "--diagnostics", "json");
        Assert.Equal(0, code);

        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var first = items[0];
        Assert.EndsWith("r.yaml", first.GetProperty("file").GetString());
        Assert.True(first.GetProperty("line").GetInt32() > 0);
        Assert.True(first.GetProperty("column").GetInt32() > 0);
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Matches("^RC[0-9]{4}$", first.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("message").GetString()));
        Assert.True(items[0].GetProperty("line").GetInt32() <= items[1].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Sarif_diagnostics_are_a_sarif_2_1_0_log()
    {
        var (_, stdout, _) = CliRunner.Run("check", WriteInput(Report()), "--diagnostics", "sarif");

        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("reportc", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var result = run.GetProperty("results")[0];
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.True(region.GetProperty("startLine").GetInt32() > 0);
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == result.GetProperty("ruleId").GetString()
            && r.GetProperty("shortDescription").GetProperty("text").GetString()!.Length > 10);
    }

    [Fact]
    public void Sarif_has_what_github_code_scanning_requires_and_validates_against_the_sarif_schema()
    {
        var broken = WriteInput("kind: law-based-government\nyear: 2024\n");
        var (_, stdout, _) = CliRunner.Run("check", WriteInput(Report()), broken, "--diagnostics", "sarif");

        using var json = JsonDocument.Parse(stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        foreach (var rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            Assert.DoesNotContain("{0}", rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("id").GetString()!, rule.GetProperty("help").GetProperty("markdown").GetString());
            Assert.EndsWith("/docs/diagnostics.md#" + rule.GetProperty("id").GetString()!.ToLowerInvariant(), rule.GetProperty("helpUri").GetString());
        }

        var fingerprints = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("partialFingerprints").GetProperty("reportcProblem/v1").GetString()).ToList();
        Assert.True(fingerprints.Count >= 2);
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());

        var schemaFile = Path.Combine(TestPaths.Root, "out", "tools", "node_modules", "@microsoft", "sarif-multitool-linux", "sarif-2.1.0.json");
        Assert.True(File.Exists(schemaFile), "the SARIF schema is missing: npm install --prefix out/tools --ignore-scripts @microsoft/sarif-multitool-linux@4.6.5 (build.ps1 test does it)");
        var schema = Json.Schema.JsonSchema.FromText(File.ReadAllText(schemaFile));
        var result = schema.Evaluate(json.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("reports/北留 镇%/2024.yaml", "reports/%E5%8C%97%E7%95%99%20%E9%95%87%25/2024.yaml")]
    [InlineData("a,b:c/x.yaml", "a%2Cb%3Ac/x.yaml")]
    public void Sarif_paths_are_uri_references(string path, string uri) => Assert.Equal(uri, Reportc.Cli.DiagnosticWriter.SarifUri(path));

    [Fact]
    public void Github_diagnostics_are_workflow_commands()
    {
        var (_, stdout, _) = CliRunner.Run("check", WriteInput(Report()), "--diagnostics", "github");
        var lines = stdout.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^::warning file=[^,]+r\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=RC\d{4}::.+$", l));
    }

    [Theory]
    [InlineData("｛｛central_group_study｝｝", true)]
    [InlineData("{central_group_study}", true)]
    [InlineData("{{central_group_study｝｝", true)]
    [InlineData("｛｛ central_group_study ｝｝", true)]
    [InlineData("｛｛no_such_metric｝｝", true)]
    [InlineData("{no_such_metric}", false)]
    public void A_reference_typed_with_the_wrong_braces_is_an_error_naming_the_reference_meant(string typed, bool reported)
    {
        var input = WriteInput(TestReports.WithDuty($"    text: 学法{typed}。", "  central_group_study: 19 次\n"));

        var (code, _, stderr) = CliRunner.Run("check", input);

        var name = typed.Trim('{', '}', '｛', '｝', ' ');
        if (reported)
        {
            Assert.Equal(1, code);
            Assert.Single(stderr.Split('\n'), l => l.Contains("RC0415", StringComparison.Ordinal));
            Assert.Contains($"error RC0415: '{typed}' is not a reference: write '{{{{{name}}}}}'", stderr);
            Assert.DoesNotContain("RC0403", stderr); // {{id｝｝ is not also an unclosed reference
        }
        else
        {
            Assert.DoesNotContain("RC0415", stderr);
        }

        // A reference meant for a metric uses it: no "defined but unused" on top.
        Assert.Equal(name != "central_group_study", stderr.Contains("RC0402", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_catalogue_id_is_named_and_the_text_that_uses_the_right_one_is_reported_in_the_same_run()
    {
        var input = WriteInput(TestReports.WithDuty("    text: 学法{{central_group_study}}。", "  central_group_stduy: 19 次\n"));

        var (code, _, stderr) = CliRunner.Run("check", input, "--lang", "zh");

        Assert.Equal(1, code);
        Assert.Contains("error RC0303: 指标“central_group_stduy”不在指标目录中；自定义指标需要写明名称：{ value: …, unit: …, label: … }；是否应为“central_group_study”？", stderr);
        Assert.Contains("error RC0401: “{{central_group_study}}”引用的指标不存在", stderr);
    }

    [Fact]
    public void A_key_under_a_titled_item_is_asked_to_line_up_with_the_title_not_the_dash()
    {
        var lines = File.ReadAllText(TestPaths.Sample).Split('\n');
        Assert.Equal("      - title: 加强理论学习", lines[68]);
        lines[69] = " " + lines[69];
        var input = WriteInput(string.Join('\n', lines));

        var (code, _, stderr) = CliRunner.Run("check", input, "--lang", "zh");

        Assert.Equal(1, code);
        Assert.Contains("r.yaml(70,10): error RC0012: 此行缩进 9 个空格，比第 69 行更深，而第 69 行已有内容，YAML 无法解析：请缩进 8 个空格，与第 69 行对齐", stderr);
    }

    [Theory]
    [InlineData("probelms", "problems（2024年推进法治政府建设存在问题短板及原因）")]
    [InlineData("存在问题", "problems（2024年推进法治政府建设存在问题短板及原因）")]
    [InlineData("其他事项", "other（其他需要报告的重要事项）")]
    [InlineData("明年安排", "next_year（2025年度推进法治政府建设的主要安排）")]
    public void An_unknown_section_key_names_the_section_meant_by_its_id_or_its_heading(string key, string meant)
    {
        var input = WriteInput(File.ReadAllText(TestPaths.Sample).Replace("\n  problems:", $"\n  {key}:", StringComparison.Ordinal));

        var (_, _, stderr) = CliRunner.Run("check", input, "--lang", "zh");

        Assert.Contains($"error RC0204: 法治政府建设年度报告的章节中有未知的键“{key}”；是否应为“{meant.Replace("（", "”（", StringComparison.Ordinal)}？", stderr);
    }

    [Fact]
    public void An_unknown_section_key_like_no_heading_lists_every_section_with_its_heading()
    {
        var input = WriteInput(File.ReadAllText(TestPaths.Sample).Replace("\n  problems:", "\n  领导干部:", StringComparison.Ordinal));

        var (_, _, stderr) = CliRunner.Run("check", input, "--lang", "zh");

        Assert.Contains("未知的键“领导干部”；其章节为：duty（2024年党政主要负责人履行推进法治建设第一责任人职责情况），measures（", stderr);
        Assert.Contains("，other（其他需要报告的重要事项）", stderr);
    }

    [Fact]
    public void A_clean_check_says_it_checked_and_quiet_keeps_it_silent()
    {
        var input = WriteInput(TestReports.WithDuty("    text: 学法{{central_group_study}}。", "  central_group_study: 19 次\n"));

        var (code, _, stderr) = CliRunner.Run("check", input, "--lang", "zh");
        Assert.Equal(0, code);
        Assert.Equal("1 个文件：0 个错误，0 个警告，0 条提示", stderr.Trim());

        var quiet = CliRunner.Run("check", input, "--quiet");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Error);
    }

    [Theory]
    [InlineData("  dispute_success_rate: 197.6%", "error RC0311: metric 'dispute_success_rate' (矛盾纠纷调处成功率) is 197.6%")]
    [InlineData("  income_growth: { value: 150, unit: \"%\", label: 收入增长率 }", "warning RC0307: metric 'income_growth' is 150%")]
    [InlineData("  share: { value: 120, unit: \"%\", label: 完成进度 }", "warning RC0307: metric 'share' is 120%")]
    public void A_rate_that_is_a_share_of_a_whole_cannot_pass_100_percent_a_growth_rate_can(string metric, string expected)
    {
        var input = WriteInput(TestReports.WithDuty("    text: 正文。", metric + "\n"));

        var (_, _, stderr) = CliRunner.Run("check", input);

        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void A_reportc_ignore_that_names_an_error_says_errors_cannot_be_silenced()
    {
        var input = WriteInput(File.ReadAllText(TestPaths.Sample).Replace("  central_group_study:          19 次", "  central_group_study:          -19 次   # reportc-ignore RC0306: 故意", StringComparison.Ordinal));

        var (code, _, stderr) = CliRunner.Run("check", input);

        Assert.Equal(1, code);
        Assert.Contains("error RC0306", stderr);
        Assert.Contains("r.yaml(24,41): warning RC0016: 'reportc-ignore RC0306': RC0306 is an error on this line, and errors cannot be silenced", stderr);
    }

    [Theory]
    [InlineData("RC9999", "reportc has no diagnostic RC9999")]
    [InlineData("rc0402,RC0999", "reportc has no diagnostic RC0999")]
    public void Nowarn_refuses_a_code_reportc_does_not_have(string codes, string expected)
    {
        var (code, _, stderr) = CliRunner.Run("check", WriteInput(Report()), "--nowarn", codes);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Nowarn_takes_codes_in_any_case()
    {
        var (code, _, stderr) = CliRunner.Run("check", WriteInput(Report()), "--nowarn", "rc0402,rc0406");
        Assert.Equal(0, code);
        Assert.DoesNotContain("RC0402", stderr);
        Assert.DoesNotContain("RC0406", stderr);
    }

    [Fact]
    public void Check_of_several_files_names_those_with_errors_under_the_summary()
    {
        var folder = TestPaths.NewTempFolder();
        File.WriteAllText(Path.Combine(folder, "good.yaml"), Report());
        File.WriteAllText(Path.Combine(folder, "bad.yaml"), Report().Replace("{{central_group_study}}", "{{no_such}}", StringComparison.Ordinal));

        var (code, _, stderr) = CliRunner.Run("check", folder, "--lang", "zh");

        Assert.Equal(1, code);
        var lines = stderr.TrimEnd().Split('\n');
        Assert.StartsWith("2 个文件：1 个错误", lines[^2]);
        Assert.Equal($"  有错误：{Path.Combine(folder, "bad.yaml")}", lines[^1]);
    }

    [Fact]
    public void A_year_left_from_last_years_file_is_an_error_naming_the_year_the_title_and_date_agree_on()
    {
        var input = WriteInput(File.ReadAllText(TestPaths.Sample).Replace("\nyear: 2024\n", "\nyear: 2023\n", StringComparison.Ordinal));

        var (code, _, stderr) = CliRunner.Run("check", input);

        Assert.Equal(1, code);
        Assert.Contains("r.yaml(7,7): error RC0706: year: 2023, but the title names 2024年 and the 成文日期 is 2025-01-20", stderr);
        Assert.DoesNotContain("RC0705", stderr);
    }
}
