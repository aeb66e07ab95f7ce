using Reportc.Tests.Cli;

namespace Reportc.Tests.YearOverYear;

public sealed class NewCommandTests
{
    [Fact]
    public void Next_years_file_from_the_sample_checks_with_todo_warnings_only_and_build_refuses_it_without_draft()
    {
        var folder = TestPaths.NewTempFolder();
        var last = Path.Combine(folder, "beiliu-2024.yaml");
        File.Copy(TestPaths.Sample, last);

        var (code, output, error) = CliRunner.Run("new", "2025", "--from", last);
        Assert.True(code == 0, error);
        var next = Path.Combine(folder, "beiliu-2025.yaml");
        Assert.Contains(next, output);
        var text = File.ReadAllText(next);
        Assert.Contains("year: 2025", text);
        Assert.Contains("previous: beiliu-2024.yaml", text);
        // Last year's text stands above each TODO, as comments to write this year's from.
        Assert.Contains("      - title: 加强理论学习\n        # 上年：\n        #   深入学习习近平法治思想", text);
        Assert.Contains("北发〔2026〕4号", text);
        Assert.Contains("date: 2026-01-20", text);
        Assert.Contains("2025年法治政府建设工作情况的报告", text);
        Assert.Matches(@"central_group_study:\s+~\s+# 上年：19 次", text);

        var check = CliRunner.Run("check", next);
        Assert.Equal(0, check.ExitCode);
        var lines = check.Error.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": info ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@": warning RC04(09|10): ", l));

        var build = CliRunner.Run("build", next, "-o", Path.Combine(folder, "out"));
        Assert.Equal(1, build.ExitCode);
        Assert.Contains("error RC0409", build.Error);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")) && Directory.GetFiles(Path.Combine(folder, "out")).Length > 0);

        var draft = CliRunner.Run("build", next, "-o", Path.Combine(folder, "out"), "--draft");
        Assert.Equal(0, draft.ExitCode);
        var md = File.ReadAllText(Path.Combine(folder, "out", "beiliu-2025.md"));
        Assert.Contains("TODO", md);
        Assert.StartsWith("> **草稿**", md);
        Assert.Contains("<p class=\"draft-banner\">", File.ReadAllText(Path.Combine(folder, "out", "beiliu-2025.html")));
        Assert.DoesNotContain("草稿", File.ReadAllText(Path.Combine(TestPaths.Root, "tests", "Reportc.Tests", "Approvals", "SampleApprovalTests.Beiliu_2024_markdown.approved.md")));
    }

    private static void AssertOnlyTodos(string error)
    {
        var lines = error.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": info ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@": warning RC04(09|10): ", l));
    }

    [Fact]
    public void Next_year_in_a_folder_of_its_own_names_last_years_file_by_a_path_that_checks_in_the_project()
    {
        // A repository with a folder a year: reports/2024/nanhe.yaml, and next year's in reports/2025/.
        var repo = TestPaths.NewTempFolder();
        File.WriteAllText(Path.Combine(repo, "reportc.yaml"), "inputs: [reports/**/*.yaml]\n");
        Directory.CreateDirectory(Path.Combine(repo, "reports", "2024"));
        Directory.CreateDirectory(Path.Combine(repo, "reports", "2025"));
        File.Copy(TestPaths.Sample, Path.Combine(repo, "reports", "2024", "nanhe.yaml"));

        var (code, _, error) = CliRunner.RunIn(repo, "new", "2025", "--from", "reports/2024/nanhe.yaml", "-o", "reports/2025/nanhe.yaml");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("note:", error);
        Assert.Contains("\nprevious: ../2024/nanhe.yaml\n", File.ReadAllText(Path.Combine(repo, "reports", "2025", "nanhe.yaml")));

        // The file alone, the whole project, and the year's folder without files: TODOs only, no RC0901.
        foreach (var (folder, args) in new[] { (repo, new[] { "check", "reports/2025/nanhe.yaml" }), (repo, ["check"]), (Path.Combine(repo, "reports", "2025"), ["check"]) })
        {
            var check = CliRunner.RunIn(folder, [.. args, "--lang", "en"]);
            Assert.True(check.ExitCode == 0, check.Error);
            AssertOnlyTodos(check.Error);
        }

        // A link out of the project is refused all the same, in the project as everywhere.
        var outside = TestPaths.NewTempFolder();
        File.Copy(TestPaths.Sample, Path.Combine(outside, "elsewhere.yaml"));
        File.CreateSymbolicLink(Path.Combine(repo, "reports", "2024", "linked.yaml"), Path.Combine(outside, "elsewhere.yaml"));
        File.WriteAllText(Path.Combine(repo, "reports", "2025", "nanhe.yaml"), File.ReadAllText(Path.Combine(repo, "reports", "2025", "nanhe.yaml")).Replace("previous: ../2024/nanhe.yaml", "previous: ../2024/linked.yaml", StringComparison.Ordinal));
        var linked = CliRunner.RunIn(repo, "check", "reports/2025/nanhe.yaml", "--lang", "en");
        Assert.Equal(1, linked.ExitCode);
        Assert.Contains("error RC0901: the previous year's report '../2024/linked.yaml' does not exist or is not a regular file inside this file's folder or its project's", linked.Error);
    }

    [Fact]
    public void Next_year_in_another_folder_without_a_project_says_how_to_check_it_and_checks_given_the_folder_of_both()
    {
        var root = TestPaths.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(root, "2024"));
        Directory.CreateDirectory(Path.Combine(root, "2025"));
        File.Copy(TestPaths.Sample, Path.Combine(root, "2024", "nanhe.yaml"));

        var (code, _, error) = CliRunner.RunIn(root, "new", "2025", "--from", "2024/nanhe.yaml", "-o", "2025/nanhe.yaml");
        Assert.True(code == 0, error);
        Assert.Contains("note: previous: ../2024/nanhe.yaml is outside the new file's folder, and no reportc.yaml holds both: check and build find it when given a folder that holds both (reportc check .)", error);

        // The file alone is confined to its own folder; the folder holding both years is the root it may read in.
        var alone = CliRunner.RunIn(root, "check", "2025/nanhe.yaml", "--lang", "en");
        Assert.Equal(1, alone.ExitCode);
        Assert.Contains("error RC0901", alone.Error);
        foreach (var input in new[] { ".", "**/*.yaml" })
        {
            var check = CliRunner.RunIn(root, "check", input, "--lang", "en");
            Assert.True(check.ExitCode == 0, check.Error);
            AssertOnlyTodos(check.Error.Replace(Path.Combine("2024", "nanhe.yaml"), "", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("law-based-government")]
    [InlineData("gov-info-disclosure")]
    public void A_fresh_skeleton_of_a_kind_starts_with_the_schema_line_and_checks_with_todos_only(string kind)
    {
        var folder = TestPaths.NewTempFolder();
        var target = Path.Combine(folder, "town.yaml");
        var (code, _, error) = CliRunner.Run("new", "2025", "--kind", kind, "-o", target);
        Assert.True(code == 0, error);

        var text = File.ReadAllText(target);
        Assert.StartsWith($"# yaml-language-server: $schema={kind}.schema.json", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, $"{kind}.schema.json")));
        var check = CliRunner.Run("check", target);
        Assert.Equal(0, check.ExitCode);
        Assert.DoesNotContain(": error ", check.Error);
        Assert.Contains("RC0409", check.Error);
        Assert.Equal(kind == "gov-info-disclosure", text.Contains("\ntables:", StringComparison.Ordinal));
    }

    [Fact]
    public void Next_year_of_a_disclosure_report_keeps_its_tables_to_fill_in_with_last_years_numbers_beside()
    {
        var folder = TestPaths.NewTempFolder();
        var target = Path.Combine(folder, "xinxi-2025.yaml");
        // Last year's file beside this year's: previous: names only a file in the report's own folder.
        var from = Path.Combine(folder, "shili-xinxi-2024.yaml");
        File.Copy(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"), from);
        Assert.Equal(0, CliRunner.Run("new", "2025", "--from", from, "-o", target).ExitCode);
        var text = File.ReadAllText(target);
        Assert.Contains("    normative: [~, ~, ~]   # 行政规范性文件: 本年制发件数、本年废止件数、现行有效件数; last year 2, 1, 5", text);
        var check = CliRunner.Run("check", target);
        Assert.Equal(0, check.ExitCode);
        // A row is named by its table and label, as the clerk sees them in the kind, not as a metric.
        Assert.Contains("warning RC0410: '主动公开政府信息情况：行政规范性文件' is still to be filled in", check.Error);
        Assert.Equal(1, CliRunner.Run("build", target, "-o", Path.Combine(folder, "out")).ExitCode);
    }

    [Theory]
    [InlineData("  masthead: 文件", "  masthead: 文件")]
    [InlineData("  masthead: true", "  masthead: true")]
    [InlineData("  masthead: [中共北留镇委员会, 北留镇人民政府办公室]", "  masthead: [中共北留镇委员会, 北留镇人民政府办公室]")]
    [InlineData("  masthead: 北留镇人民政府文件", "  masthead: 北留镇人民政府文件")]
    [InlineData("  seal: true", "  seal: true")]
    public void Next_year_keeps_the_masthead_as_it_was_written(string written, string expected)
    {
        var folder = TestPaths.NewTempFolder();
        var source = Path.Combine(folder, "beiliu-2024.yaml");
        File.WriteAllText(source, File.ReadAllText(TestPaths.Sample).Replace("  number: 北发〔2025〕4号\n", "  number: 北发〔2025〕4号\n" + written + "\n", StringComparison.Ordinal));
        var target = Path.Combine(folder, "beiliu-2025.yaml");

        Assert.Equal(0, CliRunner.Run("new", "2025", "--from", source, "-o", target).ExitCode);

        Assert.Contains("\n" + expected + "\n", File.ReadAllText(target));
    }

    [Fact]
    public void New_and_init_speak_chinese_with_lang_zh_in_what_they_print_and_in_the_comments_they_write()
    {
        var folder = TestPaths.NewTempFolder();
        var next = Path.Combine(folder, "xinxi-2025.yaml");
        var from = Path.Combine(folder, "shili-xinxi-2024.yaml");
        File.Copy(Path.Combine(TestPaths.Root, "samples", "shili-xinxi-2024.yaml"), from);
        var (code, output, _) = CliRunner.Run("new", "2025", "--from", from, "-o", next, "--lang", "zh");
        Assert.Equal(0, code);
        Assert.Equal($"已写入 {next}", output.Trim());
        var text = File.ReadAllText(next);
        Assert.Contains("# 2025年：由 reportc new 根据 shili-xinxi-2024.yaml 生成。", text);
        Assert.Contains("   # 成文日期，请核对\n", text);
        Assert.Contains("；上年 2, 1, 5\n", text);
        Assert.Equal(0, CliRunner.Run("check", next).ExitCode); // still a report file

        var repo = Path.Combine(folder, "repo");
        var init = CliRunner.Run("init", repo, "--lang", "zh");
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("下一步：填写 ", init.Output);
        Assert.Contains("# 主办机关在前", File.ReadAllText(Directory.GetFiles(Path.Combine(repo, "reports"), "*.yaml").Single()));
        var again = CliRunner.Run("init", repo, "--lang", "zh");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("已存在：此文件夹已是报告仓库", again.Error);
    }

    [Fact]
    public void New_kind_inside_a_reports_repository_refers_to_its_schema_instead_of_writing_a_copy()
    {
        var repo = TestPaths.NewTempFolder();
        Assert.Equal(0, CliRunner.Run("init", repo).ExitCode);
        var target = Path.Combine(repo, "reports", "nanhe", "2025.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        var (code, output, _) = CliRunner.Run("new", "--kind", "law-based-government", "-o", target);

        Assert.Equal(0, code);
        Assert.DoesNotContain("schema.json", output);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!));
        Assert.StartsWith("# yaml-language-server: $schema=../law-based-government.schema.json\n", File.ReadAllText(target));
    }

    [Fact]
    public void New_never_overwrites_without_force()
    {
        var folder = TestPaths.NewTempFolder();
        var target = Path.Combine(folder, "town.yaml");
        File.WriteAllText(target, "mine");
        Assert.Equal(1, CliRunner.Run("new", "--kind", "law-based-government", "-o", target).ExitCode);
        Assert.Equal("mine", File.ReadAllText(target));
    }
}
