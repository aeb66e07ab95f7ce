using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Reportc.Tests.Cli;
using static Reportc.Tests.KindFolders.DisclosureAsPublishedTests;

namespace Reportc.Tests.YearOverYear;

/// <summary><c>reportc diff</c> of two 政府信息公开 reports compares their tables cell by cell (issue 15).</summary>
public sealed class TableDiffTests
{
    // Last year's report: other numbers in three cells, one of them a fee with six decimals, one blank.
    private static string LastYear => With(
        Sample,
        ("year: 2024", "year: 2023"),
        ("  title: 示例县司法局2024年政府信息公开工作年度报告", "  title: 示例县司法局2023年政府信息公开工作年度报告"),
        ("  date: 2025-01-20", "  date: 2024-01-22"),
        ("    normative:      [2, 1, 5]", "    normative:      [1, 0, 4]"),
        ("    charges:        [0]", "    charges:        [5949.088667]"),
        ("    regulations:    [0, 0, 0]", "    regulations:    [0, 0, \"\"]"));

    private static (string Old, string New) Files()
    {
        var folder = TestPaths.NewTempFolder();
        var (old, @new) = (Path.Combine(folder, "xinxi-2023.yaml"), Path.Combine(folder, "xinxi-2024.yaml"));
        File.WriteAllText(old, LastYear);
        File.WriteAllText(@new, Sample);
        return (old, @new);
    }

    [Fact]
    public void The_text_diff_lists_each_changed_cell_by_table_row_and_column_with_its_reference()
    {
        var (old, @new) = Files();
        var (code, output, error) = CliRunner.Run("diff", old, @new, "--lang", "zh");
        Assert.True(code == 0, error);
        Assert.Contains("表格：", output);
        Assert.Contains("  主动公开政府信息情况（proactive）", output);
        Assert.Contains("    行政规范性文件 · 本年制发件数：1 → 2（+1）  proactive.normative.issued", output);
        Assert.Contains("    行政规范性文件 · 现行有效件数：4 → 5（+1）  proactive.normative.valid", output);
        Assert.Contains("    行政事业性收费 · 本年收费金额（单位：万元）：5949.088667 → 0（-5949.088667）  proactive.charges.fees", output);
        Assert.Contains("    规章 · 现行有效件数：（空白） → 0（", output);
        Assert.DoesNotContain("requests.", output); // unchanged cells are not listed
    }

    [Fact]
    public void The_markdown_diff_has_a_table_of_the_changed_cells()
    {
        var (old, @new) = Files();
        var (code, output, error) = CliRunner.Run("diff", old, @new, "--format", "md", "--lang", "zh");
        Assert.True(code == 0, error);
        Assert.Contains("| 表格 | 行 | 列 | 2023 | 2024 | 变化 | 引用 |", output);
        Assert.Contains("| 主动公开政府信息情况 | 行政事业性收费 | 本年收费金额（单位：万元） | 5949.088667 | 0 | -5949.088667 | `proactive.charges.fees` |", output);
    }

    [Fact]
    public void The_json_diff_has_every_cell_with_its_labels_and_the_values_as_typed()
    {
        var (old, @new) = Files();
        var (code, output, error) = CliRunner.Run("diff", old, @new, "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var cells = json.RootElement.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(10 + (25 * 7) + 15, cells.Count); // 主动公开 10, 依申请 25 rows × 7, 复议诉讼 15
        var fee = cells.Single(c => c.GetProperty("row").GetString() == "charges");
        Assert.Equal("5949.088667", fee.GetProperty("old").GetString());
        Assert.Equal("0", fee.GetProperty("new").GetString());
        Assert.Equal("changed", fee.GetProperty("change").GetString());
        Assert.Equal("行政事业性收费", fee.GetProperty("rowLabel").GetString());
        Assert.Equal("本年收费金额（单位：万元）", fee.GetProperty("columnLabel").GetString());
        var review = cells.Single(c => c.GetProperty("column").GetString() == "after_total");
        Assert.Equal("行政诉讼·复议后起诉·总计", review.GetProperty("columnLabel").GetString());
        Assert.Equal("unchanged", review.GetProperty("change").GetString());
        Assert.Equal("", cells.Single(c => c.GetProperty("row").GetString() == "regulations" && c.GetProperty("column").GetString() == "valid").GetProperty("old").GetString());
    }

    [Fact]
    public void Git_shows_the_changed_cells_through_the_diff_driver()
    {
        var folder = TestPaths.NewTempFolder();
        var reportc = Path.Combine(AppContext.BaseDirectory, "reportc.dll");
        Git(folder, "init", "-q");
        Git(folder, "config", "user.email", "test@example.invalid");
        Git(folder, "config", "user.name", "test");
        Git(folder, "config", "diff.reportc.command", $"dotnet \"{reportc}\" diff --color never --lang zh");
        File.WriteAllText(Path.Combine(folder, ".gitattributes"), "*.yaml diff=reportc\n");
        File.WriteAllText(Path.Combine(folder, "xinxi.yaml"), Sample);
        Git(folder, "add", ".");
        Git(folder, "commit", "-q", "-m", "first");
        File.WriteAllText(Path.Combine(folder, "xinxi.yaml"), With(Sample, ("    received:       [12, 3, 0, 0, 1, 0, 16]", "    received:       [12, 3, 0, 0, 2, 0, 17]")));

        var output = Git(folder, "diff");

        Assert.Contains("reportc diff a/xinxi.yaml b/xinxi.yaml", output);
        Assert.Contains("一、本年新收政府信息公开申请数量 · 法人或其他组织·法律服务机构：1 → 2（+1）  requests.received.legal", output);
        Assert.Contains("一、本年新收政府信息公开申请数量 · 总计：16 → 17（+1）  requests.received.total", output);
    }

    private static string Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["GIT_PAGER"] = "cat";
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
        return output.Result;
    }
}
