namespace Reportc.Tests.Cli;

public sealed class BatchBuildTests
{
    private static readonly string Valid = TestReports.WithDuty("    text: 正文。");

    [Fact]
    public void One_broken_file_among_a_hundred_does_not_stop_the_others_and_is_named_in_the_summary()
    {
        var folder = TestPaths.NewTempFolder();
        var reports = Path.Combine(folder, "reports");
        for (var i = 0; i < 100; i++)
        {
            var town = Path.Combine(reports, $"town-{i / 10}");
            Directory.CreateDirectory(town);
            File.WriteAllText(Path.Combine(town, $"r{i:D3}.yaml"), i == 57 ? Valid.Replace("  problems: 问题。\n", "", StringComparison.Ordinal) : Valid);
        }

        var (code, _, stderr) = CliRunner.Run("build", Path.Combine(reports, "**", "*.yaml"), "-o", Path.Combine(folder, "out"), "--format", "md");

        Assert.Equal(1, code);
        Assert.Contains("built 99, failed 1", stderr);
        Assert.Contains("failed: " + Path.Combine(reports, "town-5", "r057.yaml"), stderr);
        var built = Directory.GetFiles(Path.Combine(folder, "out"), "*.md", SearchOption.AllDirectories);
        Assert.Equal(99, built.Length);
        Assert.True(File.Exists(Path.Combine(folder, "out", "town-0", "r000.md")), "outputs mirror the input tree");
        Assert.False(File.Exists(Path.Combine(folder, "out", "town-5", "r057.md")));
    }

    [Fact]
    public void A_folder_builds_every_report_in_it_and_a_second_build_rewrites_nothing()
    {
        var folder = TestPaths.NewTempFolder();
        var reports = Path.Combine(folder, "reports");
        Directory.CreateDirectory(Path.Combine(reports, "a"));
        File.WriteAllText(Path.Combine(reports, "a", "x.yaml"), Valid);
        File.WriteAllText(Path.Combine(reports, "y.yaml"), Valid);
        var output = Path.Combine(folder, "out");

        var first = CliRunner.Run("build", reports, "-o", output, "--lang", "en");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("4 file(s) written, 0 unchanged", first.Error);
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Order().ToList();
        Assert.Equal(4, files.Count);
        var stamps = files.Select(File.GetLastWriteTimeUtc).ToList();
        Thread.Sleep(30);

        var (code, stdout, stderr) = CliRunner.Run("build", reports, "-o", output, "--lang", "en");
        Assert.Equal(0, code);
        Assert.DoesNotContain("wrote", stdout);
        Assert.Contains("0 file(s) written, 4 unchanged", stderr);
        Assert.Equal(stamps, files.Select(File.GetLastWriteTimeUtc).ToList());
    }

    [Fact]
    public void Init_writes_a_starter_repository_whose_project_file_drives_build_and_check()
    {
        var folder = TestPaths.NewTempFolder();
        var (code, output, error) = CliRunner.Run("init", folder);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(folder, "reportc.yaml")));
        Assert.Contains("diff=reportc", File.ReadAllText(Path.Combine(folder, ".gitattributes")));
        var report = Directory.GetFiles(Path.Combine(folder, "reports"), "*.yaml").Single();
        Assert.StartsWith("# yaml-language-server: $schema=", File.ReadAllText(report), StringComparison.Ordinal);

        // Fill in the skeleton, then `reportc build` with no arguments builds what the project file names.
        File.WriteAllText(report, Valid);
        var project = Path.Combine(folder, "reportc.yaml");
        var build = CliRunner.Run("build", "--project", project);
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "out"), "*.html"));
        Assert.Equal(0, CliRunner.Run("check", "--project", project).ExitCode);
    }

    [Fact]
    public void A_broken_project_file_is_reported_with_its_place()
    {
        var folder = TestPaths.NewTempFolder();
        var project = Path.Combine(folder, "reportc.yaml");
        File.WriteAllText(project, "inputs: [reports/**/*.yaml]\noutptu: out\n");
        var (code, _, stderr) = CliRunner.Run("build", "--project", project);
        Assert.Equal(2, code);
        Assert.Contains("reportc.yaml(2,1): error: unknown key 'outptu'; did you mean 'output'?", stderr);
    }
}
