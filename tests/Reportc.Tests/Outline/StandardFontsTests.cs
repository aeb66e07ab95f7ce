using System.Diagnostics;
using System.Text;
using Reportc.Tests.Pdf;

namespace Reportc.Tests.Outline;

/// <summary>
/// With only free fonts installed, a PDF build says once which standard fonts are missing and how to supply them.
/// The machine's fonts are replaced by a fontconfig of the test's own (FONTCONFIG_FILE) holding Noto CJK alone.
/// </summary>
[Collection("browser")]
public sealed class StandardFontsTests
{
    [Fact]
    public void A_pdf_build_with_only_free_fonts_names_the_missing_standard_fonts_once_for_the_run()
    {
        var folder = Reports();
        var (code, error) = Build(folder);
        Assert.True(code == 0, error);
        var lines = error.Split('\n').Where(l => l.Contains("RC0804", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("info RC0804", line);
        foreach (var font in new[] { "方正小标宋_GBK", "仿宋_GB2312", "楷体_GB2312", "黑体" })
        {
            Assert.Contains(font, line);
        }

        Assert.Contains("fc-cache", line);
        Assert.Contains("fonts/", line);
        Assert.True(File.Exists(Path.Combine(folder, "out", "a.pdf")) && File.Exists(Path.Combine(folder, "out", "b.pdf")));
    }

    [Fact]
    public void Standard_fonts_the_reports_bring_in_a_fonts_folder_are_not_named()
    {
        var folder = Reports();
        var fonts = Directory.CreateDirectory(Path.Combine(folder, "fonts")).FullName;
        var free = PdfText.Run("fc-match", "-f", "%{file}", "DejaVu Sans");
        foreach (var font in new[] { "方正小标宋_GBK", "仿宋_GB2312", "楷体_GB2312", "黑体" })
        {
            File.Copy(free, Path.Combine(fonts, font + ".ttf"));
        }

        var (code, error) = Build(folder);
        Assert.True(code == 0, error);
        Assert.DoesNotContain("RC0804", error);
    }

    private static string Reports()
    {
        var folder = TestPaths.NewTempFolder();
        File.Copy(TestPaths.Sample, Path.Combine(folder, "a.yaml"));
        File.Copy(TestPaths.Sample, Path.Combine(folder, "b.yaml"));
        File.WriteAllText(Path.Combine(folder, "b.yaml"), File.ReadAllText(Path.Combine(folder, "b.yaml")).Replace("  other: 无。", "  other: 本年度无其他需要报告的重要事项。", StringComparison.Ordinal));
        return folder;
    }

    // reportc as its own process under a fontconfig that knows only the folder of Noto Serif CJK.
    private static (int Code, string Error) Build(string folder)
    {
        var noto = Path.GetDirectoryName(PdfText.Run("fc-match", "-f", "%{file}", "Noto Serif CJK SC"))!;
        var config = Path.Combine(folder, "fonts.conf");
        File.WriteAllText(config, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>{noto}</dir><cachedir>{Path.Combine(folder, "fc-cache")}</cachedir></fontconfig>
            """);
        var executable = Cli.CliRunner.Executable ?? Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "reportc.exe" : "reportc");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "build", "a.yaml", "b.yaml", "--format", "pdf", "-o", "out", "--lang", "en" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["FONTCONFIG_FILE"] = config;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, error.Result);
    }
}
