using Reportc.Tests.Cli;

namespace Reportc.Tests.Windows;

/// <summary>
/// The Windows build clerks download (build.ps1 publish-win: reportc.exe, win-x64, self-contained single
/// file) run as a Windows program, under Wine, on the samples: it writes the same bytes as the Linux build,
/// and a broken report or a missing browser ends with its diagnostic and exit 1, nothing written. These tests
/// run in build.ps1 test-win (which publishes the .exe first), not in build.ps1 test.
/// </summary>
[Trait("Category", "Windows")]
public sealed class WindowsBuildTests
{
    private static readonly Lazy<string> Prefix = new(() => TestPaths.NewTempFolder());

    private static string Exe =>
        Environment.GetEnvironmentVariable("REPORTC_WIN_EXE") is { Length: > 0 } exe ? exe : Path.Combine(TestPaths.Root, "out", "win-x64", "reportc.exe");

    // Debian's wine64 package puts its loader in /usr/lib/wine; the wine package adds wine64 to PATH.
    private static string Wine =>
        new[] { "/usr/lib/wine/wine64", "/usr/bin/wine64", "/usr/bin/wine" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Wine is missing: sudo apt install wine64 (.ci/run installs it)");

    private static (int ExitCode, string Output, string Error) RunExe(string folder, params string[] args)
    {
        Assert.True(File.Exists(Exe), $"{Exe} is missing: dotnet pwsh ./build.ps1 test-win publishes it, then runs these tests");
        // A prefix of the tests' own (made by the first run), no display, and none of Wine's own messages.
        var environment = new Dictionary<string, string?>
        {
            ["WINEPREFIX"] = Prefix.Value,
            ["WINEDEBUG"] = "-all",
            ["DISPLAY"] = null,
            ["REPORTC_BROWSER"] = null,
        };
        return Processes.Run(Wine, [Exe, .. args], folder, environment, TimeSpan.FromMinutes(3));
    }

    private static string CopyOfSamples()
    {
        var folder = TestPaths.NewTempFolder();
        var samples = Directory.CreateDirectory(Path.Combine(folder, "samples")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Root, "samples"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(samples, Path.GetFileName(file)));
        }

        return folder;
    }

    [Fact]
    public void Every_sample_built_by_reportc_exe_is_byte_for_byte_the_linux_build()
    {
        var folder = CopyOfSamples();
        var windows = RunExe(folder, "build", "samples", "-o", "out-windows", "--format", "md,html,docx");
        Assert.True(windows.ExitCode == 0, windows.Error);
        var linux = CliRunner.RunIn(folder, "build", "samples", "-o", "out-linux", "--format", "md,html,docx");
        Assert.True(linux.ExitCode == 0, linux.Error);

        var written = Directory.GetFiles(Path.Combine(folder, "out-linux")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(written, Directory.GetFiles(Path.Combine(folder, "out-windows")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("shili-xinxi-2024.docx", written);
        Assert.True(written.Count >= 12, string.Join(", ", written));
        foreach (var name in written)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(folder, "out-linux", name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, "out-windows", name!))),
                $"{name} differs between reportc.exe and the Linux build");
        }

        // The summary names what it wrote with Windows' separator.
        Assert.Contains(@"wrote out-windows\shili-2024.docx", windows.Output + windows.Error);
    }

    // An ASCII file name: what a Windows console shows of a Chinese one depends on its code page (Wine's is 437).
    [Fact]
    public void A_broken_report_is_its_diagnostic_at_its_line_and_exit_1_with_nothing_written()
    {
        var folder = TestPaths.NewTempFolder();
        File.WriteAllText(Path.Combine(folder, "town.yaml"), "kind: law-based-government\nyear: 2024\ndocument:\n  title: 示例镇2024年法治政府建设工作情况的报告\n  date: 2025年13月5日\nsections:\n  duty: 文字。\n");
        var (code, output, error) = RunExe(folder, "build", "town.yaml", "-o", "out", "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("town.yaml(5,9): error RC0206: invalid document.date", error);
        Assert.DoesNotContain("internal error", output + error);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")) && Directory.EnumerateFileSystemEntries(Path.Combine(folder, "out")).Any());
    }

    [Fact]
    public void Without_chrome_or_edge_a_pdf_build_says_so_and_writes_nothing()
    {
        var folder = CopyOfSamples();
        var (code, output, error) = RunExe(folder, "build", Path.Combine("samples", "shili-2024.yaml"), "-o", "out", "--format", "pdf", "--lang", "en");
        Assert.Equal(1, code);
        Assert.Contains("error RC0801: no Chromium, Chrome or Edge was found", error);
        Assert.DoesNotContain("internal error", output + error);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")) && Directory.EnumerateFiles(Path.Combine(folder, "out"), "*", SearchOption.AllDirectories).Any());
    }
}
