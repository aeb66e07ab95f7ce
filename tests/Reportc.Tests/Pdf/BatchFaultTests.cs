using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Reportc.Tests.Pdf;

/// <summary>
/// A PDF batch whose browser is killed or stopped, and a batch that is signalled or killed itself: it ends in
/// bounded time, accounts for every report, and leaves no process and no temporary file behind. The waits
/// are generous (the machine may be busy) but bounded; the tests run one at a time with the other browser tests.
/// </summary>
[Collection("browser")]
public sealed partial class BatchFaultTests(ITestOutputHelper log)
{
    private const int Reports = 12;

    private static (string Inputs, string Output) Batch()
    {
        var folder = TestPaths.NewTempFolder();
        var inputs = Directory.CreateDirectory(Path.Combine(folder, "in")).FullName;
        for (var i = 1; i <= Reports; i++)
        {
            File.Copy(TestPaths.Sample, Path.Combine(inputs, $"town-{i:D2}.yaml"));
        }

        return (inputs, Path.Combine(folder, "out"));
    }

    private static int Pdfs(string output) => Directory.Exists(output) ? Directory.GetFiles(output, "*.pdf").Length : 0;

    [Theory]
    [InlineData("KILL")]
    [InlineData("STOP")]
    public void A_browser_killed_or_stopped_mid_batch_fails_each_report_left_once_and_the_run_ends_with_exit_1(string signal)
    {
        var (inputs, output) = Batch();
        using var run = new RunProcess("build", inputs, "-o", output, "--format", "pdf", "--lang", "en");
        Assert.True(run.WaitUntil(() => Pdfs(output) > 0, TimeSpan.FromMinutes(5)), "no PDF came out" + (run.HasExited ? $" (exit {run.ExitCode}): {run.Error}" : ""));
        var browser = run.Browser();
        Assert.NotNull(browser);
        PdfText.Run("kill", "-" + signal, browser.Value.ToString(CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(30)), $"reportc still runs 30 s after the browser's SIG{signal}");
        log.WriteLine($"ended {clock.Elapsed.TotalSeconds:F1} s after SIG{signal} of the browser");
        Assert.Equal(1, run.ExitCode);
        var error = run.Error;
        Assert.DoesNotContain("internal error", error);

        // Every report has its PDF or one RC0802 that names it.
        var failed = PrintFailed().Matches(error).Select(m => Path.GetFileName(m.Groups[1].Value)).ToList();
        Assert.Equal(failed.Count, failed.Distinct().Count());
        for (var i = 1; i <= Reports; i++)
        {
            var name = $"town-{i:D2}";
            var printed = File.Exists(Path.Combine(output, name + ".pdf"));
            Assert.True(printed ^ failed.Contains(name + ".yaml"), $"{name}: printed {printed}, failed {failed.Contains(name + ".yaml")}");
        }

        Assert.NotEmpty(failed);
        Assert.Contains("the browser is gone", error);
        Assert.Empty(run.WaitForNoneMarked(TimeSpan.FromSeconds(5)));
        Assert.Empty(Directory.GetFileSystemEntries(run.Temp)); // profile, print copies, Chromium's own
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(output, ".*")));
    }

    [Theory]
    [InlineData("INT", true)]
    [InlineData("TERM", false)]
    [InlineData("HUP", false)]
    public void A_batch_signalled_ends_within_10_s_with_130_the_cancelled_line_and_nothing_left_behind(string signal, bool group)
    {
        var (inputs, output) = Batch();
        using var run = new RunProcess("build", inputs, "-o", output, "--format", "pdf", "--lang", "en");
        Assert.True(run.WaitUntil(() => Pdfs(output) > 0, TimeSpan.FromMinutes(5)), "no PDF came out" + (run.HasExited ? $" (exit {run.ExitCode}): {run.Error}" : ""));

        // SIGINT as Ctrl+C sends it, to the whole process group (the browser too); the others to reportc.
        run.Signal(signal, group);
        var clock = Stopwatch.StartNew();
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(10)), $"reportc still runs 10 s after SIG{signal}");
        log.WriteLine($"ended {clock.Elapsed.TotalSeconds:F1} s after SIG{signal}");

        var error = run.Error;
        Assert.Equal(130, run.ExitCode);
        Assert.Contains("reportc: cancelled", error);
        Assert.DoesNotContain("internal error", error);
        Assert.DoesNotContain("RC0802", error); // the browser's end is the run's, not each report's
        Assert.True(Pdfs(output) < Reports, "it stopped before the end");
        foreach (var pdf in Directory.GetFiles(output, "*.pdf"))
        {
            Assert.Contains("Pages:", PdfText.Run("pdfinfo", pdf)); // whole, or not there
        }

        Assert.Empty(Directory.GetFiles(output, ".*", SearchOption.AllDirectories));
        Assert.Empty(run.WaitForNoneMarked(TimeSpan.FromSeconds(5)));
        Assert.Empty(Directory.GetFileSystemEntries(run.Temp));
    }

    [Fact]
    public void Reportc_killed_mid_pdf_leaves_no_browser_and_the_next_build_removes_its_temporary_folders()
    {
        var (inputs, output) = Batch();
        string temp;
        using (var run = new RunProcess("build", inputs, "-o", output, "--format", "pdf", "--lang", "en"))
        {
            temp = run.Temp;
            Assert.True(run.WaitUntil(() => Pdfs(output) > 0, TimeSpan.FromMinutes(5)), "no PDF came out" + (run.HasExited ? $" (exit {run.ExitCode}): {run.Error}" : ""));
            Assert.NotNull(run.Browser());
            run.Signal("KILL");
            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(5)));
            var left = run.WaitForNoneMarked(TimeSpan.FromSeconds(5));
            Assert.True(left.Count == 0, "left running 5 s after reportc was killed: " + string.Join("; ", left.Select(p => p.Command[..Math.Min(80, p.Command.Length)])));

            // What the killed run left in its temporary folder carries its process id.
            var leftovers = Directory.GetFileSystemEntries(temp).Select(Path.GetFileName).ToList();
            log.WriteLine("left: " + string.Join(", ", leftovers));
            Assert.Contains(leftovers, f => f!.StartsWith($"reportc-browser-{run.Id}-", StringComparison.Ordinal));

            // The next build (one report, printed again) removes them.
            using var next = RunProcess.WithTemp(temp, "build", Path.Combine(inputs, "town-01.yaml"), "-o", Path.Combine(output, "again"), "--format", "pdf", "--lang", "en");
            Assert.True(next.WaitForExit(TimeSpan.FromMinutes(5)));
            Assert.True(next.ExitCode == 0, next.Error);
            Assert.Empty(Directory.GetFileSystemEntries(temp));
        }
    }

    [GeneratedRegex(@"error RC0802: the browser could not print '([^']+)'")]
    private static partial Regex PrintFailed();
}
