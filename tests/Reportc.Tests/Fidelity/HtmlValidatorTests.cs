using System.Diagnostics;
using Reportc.Tests.Cli;

namespace Reportc.Tests.Fidelity;

/// <summary>
/// Every sample's HTML through a real validator (html-validate, its recommended rules): valid HTML,
/// table headers with their scope. build.ps1 test installs it into out/tools.
/// </summary>
public sealed class HtmlValidatorTests
{
    [Fact]
    public async Task Every_sample_builds_html_that_html_validate_accepts()
    {
        var validator = Path.Combine(TestPaths.Root, "out", "tools", "node_modules", ".bin", "html-validate");
        Assert.True(File.Exists(validator), $"html-validate is missing: npm install --prefix out/tools html-validate@9.7.1 (build.ps1 test does it)");
        var output = TestPaths.NewTempFolder();
        var (code, _, error) = CliRunner.Run("build", Path.Combine(TestPaths.Root, "samples"), "-o", output, "--format", "html");
        Assert.True(code == 0, error);
        var pages = Directory.GetFiles(output, "*.html");
        Assert.Equal(Directory.GetFiles(Path.Combine(TestPaths.Root, "samples"), "*.yaml").Length, pages.Length);

        var start = new ProcessStartInfo(validator) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = output };
        start.ArgumentList.Add("--formatter");
        start.ArgumentList.Add("text");
        foreach (var page in pages)
        {
            start.ArgumentList.Add(page);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stdout + await stderr);
    }
}
