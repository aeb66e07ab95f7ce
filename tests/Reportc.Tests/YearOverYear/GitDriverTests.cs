using Reportc.Diff;

namespace Reportc.Tests.YearOverYear;

/// <summary>
/// reportc as git's external diff driver, driven by real git in a temporary repository: every argument
/// form git passes (7, 9 for a rename or copy), a side that is not a readable report, a deleted file, and
/// the history with the documented setup.
/// </summary>
public sealed class GitDriverTests
{
    private static readonly string Old = Path.Combine(TestPaths.Root, "samples", "shili-2023.yaml");
    private static readonly string New = Path.Combine(TestPaths.Root, "samples", "shili-2024.yaml");

    [Fact]
    public void A_renamed_report_is_compared_under_both_names()
    {
        var repo = Repository();
        repo.Git("mv", "shili.yaml", "shili-renamed.yaml");
        var renamed = Path.Combine(repo.Folder, "shili-renamed.yaml");
        File.WriteAllText(renamed, File.ReadAllText(renamed).Replace("legality_reviews:       30 件", "legality_reviews:       38 件", StringComparison.Ordinal));
        repo.Git("add", ".");

        var (code, output, error) = repo.Run("diff", "--cached", "-M", "HEAD");

        Assert.True(code == 0, error);
        Assert.Contains("reportc diff a/shili.yaml b/shili-renamed.yaml", output);
        Assert.Contains("rename from shili.yaml", output);
        Assert.Contains("rename to shili-renamed.yaml", output);
        Assert.Matches(@"合法性审查\s+legality_reviews\s+件\s+30\s+38", output);
    }

    [Fact]
    public void A_copied_report_is_compared_with_its_source()
    {
        var repo = Repository();
        File.WriteAllText(Path.Combine(repo.Folder, "shili-copy.yaml"), File.ReadAllText(Path.Combine(repo.Folder, "shili.yaml")).Replace("30", "31", StringComparison.Ordinal));
        repo.Git("add", ".");

        var (code, output, error) = repo.Run("diff", "--cached", "-C", "--find-copies-harder", "HEAD");

        Assert.True(code == 0, error);
        Assert.Contains("reportc diff a/shili.yaml b/shili-copy.yaml", output);
        Assert.Contains("copy from shili.yaml", output);
    }

    [Fact]
    public void A_side_that_is_not_a_readable_report_shows_its_changed_lines()
    {
        var repo = Repository();
        var path = Path.Combine(repo.Folder, "shili.yaml");
        var broken = File.ReadAllText(path).Replace("year: 2023", "year: 2023\n  bad: [", StringComparison.Ordinal);
        File.WriteAllText(path, broken);

        var (code, output, error) = repo.Run("diff");

        Assert.True(code == 0, error);
        Assert.Contains("diff --git a/shili.yaml b/shili.yaml", output);
        Assert.Contains("--- a/shili.yaml", output);
        Assert.Contains("+  bad: [", output);
        Assert.Contains("shili.yaml(", error);
        Assert.DoesNotContain("external diff died", error);
    }

    [Fact]
    public void A_deleted_report_is_compared_with_nothing()
    {
        var repo = Repository();
        repo.Git("rm", "-q", "shili.yaml");

        var (code, output, error) = repo.Run("diff", "--cached", "HEAD");

        Assert.True(code == 0, error);
        Assert.Contains("reportc diff a/shili.yaml b/shili.yaml", output);
        Assert.Contains("legality_reviews", output);
    }

    [Fact]
    public void The_history_shows_the_metric_table_with_ext_diff()
    {
        var repo = Repository();
        File.WriteAllText(Path.Combine(repo.Folder, "shili.yaml"), Next());
        repo.Git("commit", "-q", "-am", "2024");

        var (code, output, error) = repo.Run("log", "-p", "--ext-diff", "-1");

        Assert.True(code == 0, error);
        Assert.Contains("reportc diff a/shili.yaml b/shili.yaml", output);
        Assert.Matches(@"合法性审查\s+legality_reviews\s+件\s+30\s+38", output);
    }

    [Fact]
    public void The_project_file_is_left_to_git_by_the_documented_attributes()
    {
        var repo = Repository();
        File.WriteAllText(Path.Combine(repo.Folder, "reportc.yaml"), "formats: [md]\n");
        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "project");
        File.WriteAllText(Path.Combine(repo.Folder, "reportc.yaml"), "formats: [md, html]\n");

        var (code, output, error) = repo.Run("diff");

        Assert.True(code == 0, error);
        Assert.Contains("-formats: [md]", output);
        Assert.Contains("+formats: [md, html]", output);
        Assert.DoesNotContain("reportc", error);
    }

    [Theory]
    [InlineData("a\nb\nc\n", "a\nB\nc\n")]
    [InlineData("", "一\n二\n")]
    [InlineData("一\n二\n", "")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n", "0\n1\n2\n3\n4\n5\n6\n七\n8\n9\n10\n11\n12\n13\n14\n15\n")]
    public void The_line_diff_is_a_patch_git_applies(string old, string @new)
    {
        var folder = TestPaths.NewTempFolder();
        File.WriteAllText(Path.Combine(folder, "f.txt"), old);
        var patch = "--- a/f.txt\n+++ b/f.txt\n" + LineDiff.Hunks(old, @new);
        File.WriteAllText(Path.Combine(folder, "change.patch"), patch);

        var (code, _, error) = Run(folder, "git", "apply", "change.patch");

        Assert.True(code == 0, error + "\n" + patch);
        Assert.Equal(@new.TrimEnd('\n'), File.ReadAllText(Path.Combine(folder, "f.txt")).TrimEnd('\n'));
    }

    private static string Next() => File.ReadAllText(New).Replace("previous: shili-2023.yaml\n", "", StringComparison.Ordinal);

    private static TestRepository Repository()
    {
        var repo = new TestRepository(TestPaths.NewTempFolder());
        var reportc = Path.Combine(AppContext.BaseDirectory, "reportc.dll");
        repo.Git("init", "-q");
        repo.Git("config", "user.email", "test@example.invalid");
        repo.Git("config", "user.name", "test");
        repo.Git("config", "diff.reportc.command", $"dotnet \"{reportc}\" diff --color never");
        // The README's lines.
        File.WriteAllText(Path.Combine(repo.Folder, ".gitattributes"), "*.yaml diff=reportc\nreportc.yaml !diff\n");
        File.Copy(Old, Path.Combine(repo.Folder, "shili.yaml"));
        repo.Git("add", ".");
        repo.Git("commit", "-q", "-m", "2023");
        return repo;
    }

    private static (int Code, string Output, string Error) Run(string folder, string program, params string[] args) =>
        Processes.Run(program, args, folder, new Dictionary<string, string?> { ["GIT_PAGER"] = "cat", ["DOTNET_CLI_UI_LANGUAGE"] = "en" });

    private sealed record TestRepository(string Folder)
    {
        public void Git(params string[] args)
        {
            var (code, _, error) = GitDriverTests.Run(Folder, "git", args);
            Assert.True(code == 0, error);
        }

        public (int Code, string Output, string Error) Run(params string[] args) => GitDriverTests.Run(Folder, "git", args);
    }
}
