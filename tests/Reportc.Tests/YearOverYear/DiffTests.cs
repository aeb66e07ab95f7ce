using System.Diagnostics;
using System.Text.Json;
using Reportc.Diff;
using Reportc.Kinds;
using Reportc.Tests.Cli;

namespace Reportc.Tests.YearOverYear;

public sealed class DiffTests
{
    private static readonly string Old = Path.Combine(TestPaths.Root, "samples", "shili-2023.yaml");
    private static readonly string New = Path.Combine(TestPaths.Root, "samples", "shili-2024.yaml");

    private static ReportDiff Diff()
    {
        var compiler = new ReportCompiler(new KindCatalog());
        return ReportDiff.Compare(compiler.Load(Old).Report!, compiler.Load(New).Report!);
    }

    [Theory]
    // id, old, new, delta, percent (hand-computed: (new - old) / old, one decimal)
    [InlineData("legality_reviews", "30", "38", "8", "26.7")]
    [InlineData("penalty_cases", "15", "12", "-3", "-20.0")]
    [InlineData("fines", "4.5", "3.6", "-0.9", "-20.0")]
    [InlineData("legal_consultations", "300", "420", "120", "40.0")]
    [InlineData("disputes_resolved", "48", "51", "3", "6.3")]
    [InlineData("dispute_success_rate", "97.5", "98.0", "0.5", null)]
    [InlineData("reconsideration_cases", "0", "2", "2", null)]
    [InlineData("central_group_study", "12", "12", "0", "0.0")]
    public void Every_metric_has_its_hand_computed_delta(string id, string old, string @new, string delta, string? percent)
    {
        var m = Diff().Metrics.Single(x => x.Id == id);
        Assert.Equal(decimal.Parse(old, System.Globalization.CultureInfo.InvariantCulture), m.Old!.Value);
        Assert.Equal(decimal.Parse(@new, System.Globalization.CultureInfo.InvariantCulture), m.New!.Value);
        Assert.Equal(decimal.Parse(delta, System.Globalization.CultureInfo.InvariantCulture), m.Delta);
        Assert.Equal(percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), m.Percent);
    }

    [Fact]
    public void Added_and_removed_metrics_and_sections_are_listed()
    {
        var diff = Diff();
        Assert.Equal(ChangeKind.Added, diff.Metrics.Single(m => m.Id == "legal_aid").Kind);
        Assert.Equal(ChangeKind.Removed, diff.Metrics.Single(m => m.Id == "village_lectures").Kind);
        Assert.Equal(ChangeKind.Added, diff.Sections.Single(s => s.Id == "court_rulings").Kind);
        Assert.Equal(ChangeKind.Changed, diff.Sections.Single(s => s.Id == "problems").Kind);
        Assert.Equal(ChangeKind.Unchanged, diff.Sections.Single(s => s.Id == "other").Kind);
    }

    [Fact]
    public void The_document_elements_and_the_opening_text_are_compared_too()
    {
        var diff = Diff();
        var document = diff.Sections[0];
        Assert.Equal("document", document.Id);
        Assert.Equal(ChangeKind.Changed, document.Kind);
        var changedLines = document.New.Except(document.Old).ToList();
        Assert.Contains(changedLines, l => l.StartsWith("发文字号：", StringComparison.Ordinal));
        Assert.Contains(changedLines, l => l.StartsWith("成文日期：", StringComparison.Ordinal));
        Assert.Equal("preamble", diff.Sections[1].Id);

        var compiler = new ReportCompiler(new KindCatalog());
        var same = ReportDiff.Compare(compiler.Load(New).Report!, compiler.Load(New).Report!);
        Assert.All(same.Sections, s => Assert.Equal(ChangeKind.Unchanged, s.Kind));
    }

    [Fact]
    public void A_unit_that_differs_is_reported_never_compared()
    {
        var compiler = new ReportCompiler(new KindCatalog());
        var old = compiler.Load(Old).Report!;
        var changed = old with { Metrics = [.. old.Metrics.Select(m => m.Id == "village_lectures" ? m with { Unit = "次" } : m)] };
        var m = ReportDiff.Compare(old, changed).Metrics.Single(x => x.Id == "village_lectures");
        Assert.Equal(ChangeKind.UnitChanged, m.Kind);
        Assert.Null(m.Delta);
        Assert.Null(m.Percent);
    }

    [Fact]
    public void Metrics_still_to_fill_in_next_year_are_pending_not_removed()
    {
        var folder = TestPaths.NewTempFolder();
        var next = Path.Combine(folder, "2025.yaml");
        Assert.Equal(0, CliRunner.Run("new", "2025", "--from", TestPaths.Sample, "-o", next).ExitCode);

        var (code, output, _) = CliRunner.Run("diff", TestPaths.Sample, next, "--format", "md", "--lang", "zh");

        Assert.Equal(0, code);
        Assert.Contains("| 党委理论学习中心组集中学法 | central_group_study | 次 | 19 | ~ | 待填写 |  |", output);
        Assert.DoesNotContain("删除", output);
        var json = CliRunner.Run("diff", TestPaths.Sample, next, "--format", "json").Output;
        Assert.Contains("\"change\": \"pending\"", json);
    }

    [Fact]
    public void Reports_that_do_not_follow_one_another_are_compared_with_a_note()
    {
        var samples = Path.Combine(TestPaths.Root, "samples");
        var reversed = CliRunner.Run("diff", Path.Combine(samples, "shili-2024.yaml"), Path.Combine(samples, "shili-2023.yaml"), "--lang", "zh");
        Assert.Equal(0, reversed.ExitCode);
        Assert.Contains("新报告的年度（2023）不晚于旧报告（2024）", reversed.Error);

        var kinds = CliRunner.Run("diff", TestPaths.Sample, Path.Combine(samples, "shili-xinxi-2024.yaml"));
        Assert.Contains("different kinds", kinds.Error);
        Assert.Contains("different issuers", kinds.Error);

        Assert.Equal("", CliRunner.Run("diff", Path.Combine(samples, "shili-2023.yaml"), Path.Combine(samples, "shili-2024.yaml")).Error);
    }

    [Fact]
    public void A_broken_file_is_explained_as_check_explains_it()
    {
        var folder = TestPaths.NewTempFolder();
        var broken = Path.Combine(folder, "broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(TestPaths.Sample).Replace("  number: 北发", "  number：北发", StringComparison.Ordinal));

        var (code, _, error) = CliRunner.Run("diff", TestPaths.Sample, broken);

        Assert.NotEqual(0, code);
        Assert.Contains("broken.yaml(11,9): error RC0009", error);
        Assert.DoesNotContain("RC0101", error);
    }

    [Fact]
    public void The_cli_writes_markdown_and_json()
    {
        var md = CliRunner.Run("diff", Old, New, "--format", "md", "--lang", "zh");
        Assert.Equal(0, md.ExitCode);
        Assert.Contains("| 指标 | id | 单位 | 2023 | 2024 | 变化 | 变化率 |", md.Output);
        Assert.Contains("| 合法性审查 | legality_reviews | 件 | 30 | 38 | +8 | +26.7% |", md.Output);
        Assert.Contains("- 新增：2024年度履行法院生效裁判情况（court_rulings）", md.Output);

        var english = CliRunner.Run("diff", Old, New, "--lang", "en");
        Assert.Contains("metric", english.Output);
        Assert.Contains("added: 2024年度履行法院生效裁判情况 (court_rulings)", english.Output);
        Assert.DoesNotContain("变化率", english.Output);

        var json = CliRunner.Run("diff", Old, New, "--format", "json");
        using var doc = JsonDocument.Parse(json.Output);
        var fines = doc.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "fines");
        Assert.Equal(-0.9m, fines.GetProperty("delta").GetDecimal());
        Assert.Equal("changed", fines.GetProperty("change").GetString());
    }

    [Fact]
    public void Words_show_what_changed_inside_a_paragraph() =>
        Assert.Equal("基层执法力量仍然不足{+，执法人员专业培训偏少+}。", WordDiff.Show("基层执法力量仍然不足。", "基层执法力量仍然不足，执法人员专业培训偏少。"));

    [Fact]
    public void A_changed_reference_shows_whole_in_the_word_diff() =>
        Assert.Equal("审查[-{{legality_reviews}}-]{+{{legality_reviews.change}}+}；法律顾问{{village_advisers}}。", WordDiff.Show("审查{{legality_reviews}}；法律顾问{{village_advisers}}。", "审查{{legality_reviews.change}}；法律顾问{{village_advisers}}。"));

    [Fact]
    public void Git_shows_the_metric_table_through_the_external_diff_driver()
    {
        var repo = TestPaths.NewTempFolder();
        void Git(params string[] args)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        }

        var reportc = Path.Combine(AppContext.BaseDirectory, "reportc.dll");
        Git("init", "-q");
        Git("config", "user.email", "test@example.invalid");
        Git("config", "user.name", "test");
        Git("config", "diff.reportc.command", $"dotnet \"{reportc}\" diff --color never");
        File.WriteAllText(Path.Combine(repo, ".gitattributes"), "*.yaml diff=reportc\n");
        File.Copy(Old, Path.Combine(repo, "shili.yaml"));
        Git("add", ".");
        Git("commit", "-q", "-m", "2023");
        File.WriteAllText(Path.Combine(repo, "shili.yaml"), File.ReadAllText(New).Replace("previous: shili-2023.yaml\n", "", StringComparison.Ordinal));
        Git("commit", "-q", "-am", "2024");

        var start = new ProcessStartInfo("git", ["diff", "HEAD~1", "--", "shili.yaml"]) { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();

        Assert.Equal(0, git.ExitCode);
        Assert.Contains("reportc diff a/shili.yaml b/shili.yaml", output);
        Assert.Matches(@"合法性审查\s+legality_reviews\s+件\s+30\s+38\s+\+8\s+\+26\.7%", output);
    }
}
