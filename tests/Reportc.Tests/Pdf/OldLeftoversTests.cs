using System.Diagnostics;
using Reportc.Output;

namespace Reportc.Tests.Pdf;

/// <summary>
/// Temporary folders that earlier versions left (<c>reportc-browser-&lt;guid&gt;</c>, <c>reportc-print-&lt;guid&gt;</c>,
/// no process id in the name): the next PDF build removes those nothing has touched for an hour and no live
/// process names or works in, and leaves every other one alone.
/// </summary>
public sealed class OldLeftoversTests
{
    private static string Old(string root, string prefix, TimeSpan age)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, prefix + Guid.NewGuid().ToString("N"))).FullName;
        var inner = Directory.CreateDirectory(Path.Combine(folder, "Default")).FullName;
        File.WriteAllText(Path.Combine(inner, "Preferences"), "{}");
        File.WriteAllText(Path.Combine(folder, "0.html"), "<p>示例</p>");
        Touch(folder, DateTime.UtcNow - age);
        return folder;
    }

    // Everything in the folder, then the folder itself (writing inside changes a folder's time).
    private static void Touch(string folder, DateTime when)
    {
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, when);
        }

        foreach (var dir in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories).Reverse())
        {
            Directory.SetLastWriteTimeUtc(dir, when);
        }

        Directory.SetLastWriteTimeUtc(folder, when);
    }

    private static Process Start(string file, string? workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, WorkingDirectory = workingFolder ?? Environment.CurrentDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    [Fact]
    public void Old_folders_untouched_for_an_hour_and_unused_are_removed_and_no_other()
    {
        var root = TestPaths.NewTempFolder();
        var oldPrint = Old(root, "reportc-print-", TimeSpan.FromHours(2));
        var oldProfile = Old(root, "reportc-browser-", TimeSpan.FromDays(3));
        // Written into a minute ago, deep inside: a run is printing.
        var recent = Old(root, "reportc-print-", TimeSpan.FromHours(2));
        File.SetLastWriteTimeUtc(Path.Combine(recent, "Default", "Preferences"), DateTime.UtcNow - TimeSpan.FromMinutes(1));
        // Just under the hour.
        var young = Old(root, "reportc-browser-", TimeSpan.FromMinutes(50));
        // Old, but a browser runs on it (idle for hours: its profile is on its command line).
        var running = Old(root, "reportc-browser-", TimeSpan.FromHours(5));
        // Old, but a process works in it.
        var working = Old(root, "reportc-print-", TimeSpan.FromHours(5));
        // Not names of ours: another program's folder, a Guid in upper case, one digit short.
        var others = new[] { "reportc-print-notes", "reportc-browser-" + Guid.NewGuid().ToString("N").ToUpperInvariant(), "reportc-print-" + Guid.NewGuid().ToString("N")[..31] }
            .Select(name => Directory.CreateDirectory(Path.Combine(root, name)).FullName).ToList();
        foreach (var other in others)
        {
            Directory.SetLastWriteTimeUtc(other, DateTime.UtcNow - TimeSpan.FromDays(3));
        }

        using var browser = Start("sh", null, "-c", "sleep 60; :", "sh", "--user-data-dir=" + running);
        using var worker = Start("sleep", working, "60");
        try
        {
            Assert.Equal(2, Leftovers.RemoveStale(root));
            Assert.False(Directory.Exists(oldPrint));
            Assert.False(Directory.Exists(oldProfile));
            foreach (var kept in new[] { recent, young, running, working }.Concat(others))
            {
                Assert.True(Directory.Exists(kept), Path.GetFileName(kept) + " was removed");
            }
        }
        finally
        {
            browser.Kill(entireProcessTree: true);
            worker.Kill();
            browser.WaitForExit();
            worker.WaitForExit();
        }

        // Once their processes are gone, the two in use go too.
        Assert.Equal(2, Leftovers.RemoveStale(root));
        Assert.False(Directory.Exists(running));
        Assert.False(Directory.Exists(working));
        Assert.True(Directory.Exists(recent));
        Assert.True(Directory.Exists(young));
    }

    [Fact]
    public void A_pdf_build_removes_an_old_folder_from_its_temporary_folder()
    {
        var temp = RunProcess.NewTemp();
        var old = Old(temp, "reportc-print-", TimeSpan.FromHours(2));
        var young = Old(temp, "reportc-browser-", TimeSpan.FromMinutes(10));
        var output = Path.Combine(TestPaths.NewTempFolder(), "out");

        // No browser is needed for it: the leftovers are looked at before the browser is looked for.
        using var run = RunProcess.WithTemp(temp, "build", TestPaths.Sample, "-o", output, "--format", "pdf", "--browser", Path.Combine(temp, "no-such-browser"), "--lang", "en");
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Contains("RC08", run.Error);
        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(young));
    }
}
