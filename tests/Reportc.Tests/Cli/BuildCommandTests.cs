namespace Reportc.Tests.Cli;

public sealed class BuildCommandTests
{
    private static string WriteReport(string folder, string name, string yaml)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Build_writes_markdown_and_html_named_after_the_input()
    {
        var folder = TestPaths.NewTempFolder();
        var input = WriteReport(folder, "town-2024.yaml", TestReports.WithDuty("    text: 正文。"));
        var output = Path.Combine(folder, "out");

        var (code, stdout, stderr) = CliRunner.Run("build", input, "-o", output);

        Assert.Equal(0, code);
        Assert.Equal("built 1, failed 0; 0 error(s), 0 warning(s); 2 file(s) written, 0 unchanged", stderr.Trim()); // the summary, and no diagnostics
        Assert.True(File.Exists(Path.Combine(output, "town-2024.md")), stdout);
        Assert.True(File.Exists(Path.Combine(output, "town-2024.html")), stdout);
    }

    [Fact]
    public void Building_twice_gives_byte_identical_files_and_the_second_build_rewrites_nothing()
    {
        var folder = TestPaths.NewTempFolder();
        var input = WriteReport(folder, "r.yaml", TestReports.WithDuty("    text: 正文。"));
        var first = Path.Combine(folder, "a");
        var second = Path.Combine(folder, "b");

        Assert.Equal(0, CliRunner.Run("build", input, "-o", first).ExitCode);
        Assert.Equal(0, CliRunner.Run("build", input, "-o", second).ExitCode);
        foreach (var ext in new[] { "md", "html" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, "r." + ext)), File.ReadAllBytes(Path.Combine(second, "r." + ext)));
        }

        var stamp = File.GetLastWriteTimeUtc(Path.Combine(first, "r.md"));
        Thread.Sleep(20);
        var again = CliRunner.Run("build", input, "-o", first, "--verbose");
        Assert.Contains("unchanged", again.Output);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(first, "r.md")));
    }

    [Fact]
    public void Format_option_limits_the_outputs()
    {
        var folder = TestPaths.NewTempFolder();
        var input = WriteReport(folder, "r.yaml", TestReports.WithDuty("    text: 正文。"));

        Assert.Equal(0, CliRunner.Run("build", input, "-o", folder, "--format", "html").ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "r.html")));
        Assert.False(File.Exists(Path.Combine(folder, "r.md")));
    }

    [Fact]
    public void A_report_with_errors_exits_1_prints_located_diagnostics_and_writes_nothing()
    {
        var folder = TestPaths.NewTempFolder();
        var input = WriteReport(folder, "bad.yaml", TestReports.WithDuty("    text: 正文{{nothing}}。"));

        var (code, _, stderr) = CliRunner.Run("build", input, "-o", folder);

        Assert.Equal(1, code);
        Assert.Matches(@"bad\.yaml\(\d+,\d+\): error RC0401: ", stderr);
        Assert.False(File.Exists(Path.Combine(folder, "bad.md")));
        Assert.False(File.Exists(Path.Combine(folder, "bad.html")));
    }

    [Fact]
    public void A_missing_input_file_exits_1_with_a_message_naming_it()
    {
        var (code, _, stderr) = CliRunner.Run("build", "no-such-report.yaml");
        Assert.Equal(1, code);
        Assert.Contains("no-such-report.yaml(1,1): error RC0001: cannot read 'no-such-report.yaml': no such file", stderr);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("build", "x.yaml", "--format", "pdf,odt")]
    [InlineData("build", "x.yaml", "--no-such-option")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_a_diagnostic_not_a_crash()
    {
        var folder = TestPaths.NewTempFolder();
        var input = WriteReport(folder, "r.yaml", TestReports.WithDuty("    text: 正文。"));
        var blocker = Path.Combine(folder, "file-not-folder");
        File.WriteAllText(blocker, "");

        var (code, _, stderr) = CliRunner.Run("build", input, "-o", Path.Combine(blocker, "out"));

        Assert.Equal(1, code);
        Assert.Contains("error RC0601", stderr);
        Assert.Contains($"'{blocker}' is a file, not a folder: name another output folder (-o)", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_font_in_the_fonts_folder_is_embedded_whole_however_large()
    {
        // A real 仿宋_GB2312.ttf is several megabytes; Scriban cut any printed value at 1 MiB by default.
        var folder = TestPaths.NewTempFolder();
        var input = WriteReport(folder, "r.yaml", TestReports.WithDuty("    text: 正文。"));
        Directory.CreateDirectory(Path.Combine(folder, "fonts"));
        var font = new byte[3 << 20];
        new Random(7).NextBytes(font);
        font[0] = 0; font[1] = 1; font[2] = 0; font[3] = 0; // a TrueType font's first bytes
        File.WriteAllBytes(Path.Combine(folder, "fonts", "仿宋_GB2312.ttf"), font);

        Assert.Equal(0, CliRunner.Run("build", input, "-o", folder, "--format", "html").ExitCode);

        var html = File.ReadAllText(Path.Combine(folder, "r.html"));
        Assert.Contains("@font-face { font-family: \"仿宋_GB2312\"; src: url(data:font/ttf;base64," + Convert.ToBase64String(font) + ") format(\"truetype\"); }", html);
    }
}
