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

    [Fact]
    public void The_project_file_is_found_from_a_folder_below_it_and_holds_for_a_file_named_on_the_command_line()
    {
        var repo = TestPaths.NewTempFolder();
        Assert.Equal(0, CliRunner.Run("init", repo).ExitCode);
        foreach (var town in new[] { "dongguan", "nanhe" })
        {
            Directory.CreateDirectory(Path.Combine(repo, "reports", town));
            File.Copy(TestPaths.Sample, Path.Combine(repo, "reports", town, "2024.yaml"));
        }

        File.Delete(Directory.GetFiles(Path.Combine(repo, "reports"), "*.yaml").Single());
        File.WriteAllText(Path.Combine(repo, "reportc.yaml"), File.ReadAllText(Path.Combine(repo, "reportc.yaml")).Replace("warnaserror: false", "warnaserror: true", StringComparison.Ordinal));
        var nanhe = Path.Combine(repo, "reports", "nanhe", "2024.yaml");
        File.WriteAllText(nanhe, File.ReadAllText(nanhe).Replace("  other: 无。", "  other: 无,无。", StringComparison.Ordinal)); // a warning

        // A file named from the project's root goes where the whole build puts it, not beside itself.
        var one = CliRunner.RunIn(repo, "build", Path.Combine("reports", "dongguan", "2024.yaml"));
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(File.Exists(Path.Combine(repo, "out", "dongguan", "2024.html")));
        Assert.False(File.Exists(Path.Combine(repo, "reports", "dongguan", "2024.html")));

        // From a folder below: the project is found, and its warnaserror holds for the file named.
        var below = Path.Combine(repo, "reports", "nanhe");
        var check = CliRunner.RunIn(below, "check", "2024.yaml");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("error RC0406", check.Error);
        var here = CliRunner.RunIn(below, "check");
        Assert.Equal(1, here.ExitCode);
        Assert.Contains("1 file(s)", here.Error);
    }

    [Fact]
    public void Check_and_build_without_files_in_a_townships_folder_take_that_folders_reports_only()
    {
        var repo = TestPaths.NewTempFolder();
        Assert.Equal(0, CliRunner.Run("init", repo).ExitCode);
        File.Delete(Directory.GetFiles(Path.Combine(repo, "reports"), "*.yaml").Single());
        foreach (var town in new[] { "dongguan", "nanhe" })
        {
            Directory.CreateDirectory(Path.Combine(repo, "reports", town));
            File.Copy(TestPaths.Sample, Path.Combine(repo, "reports", town, "2024.yaml"));
        }

        // nanhe's report has an error; from dongguan's folder only dongguan's report is checked and built.
        var nanhe = Path.Combine(repo, "reports", "nanhe", "2024.yaml");
        File.WriteAllText(nanhe, File.ReadAllText(nanhe).Replace("  other: 无。", "  other: 无{{nothing}}。", StringComparison.Ordinal));
        var dongguan = Path.Combine(repo, "reports", "dongguan");
        var check = CliRunner.RunIn(dongguan, "check");
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Contains("1 file(s)", check.Error);
        Assert.DoesNotContain("nanhe", check.Error);

        var build = CliRunner.RunIn(dongguan, "build");
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.True(File.Exists(Path.Combine(repo, "out", "dongguan", "2024.html")));
        Assert.False(Directory.Exists(Path.Combine(repo, "out", "nanhe")));

        // From the project's folder every report is meant, nanhe's error included.
        Assert.Equal(1, CliRunner.RunIn(repo, "check").ExitCode);

        // A folder holding none of the project's reports says so (a usage error), rather than taking them all.
        var empty = Directory.CreateDirectory(Path.Combine(repo, "kinds")).FullName;
        var none = CliRunner.RunIn(empty, "check");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no report of the project's inputs", none.Error);
    }
}
