using Xunit.Abstractions;

namespace Reportc.Tests.Pdf;

/// <summary>
/// Builds into one output folder at once, and builds killed with SIGKILL while they write: each report's
/// outputs are always all of one build. reportc runs as its own process (RunProcess); one test at a time.
/// </summary>
[Collection("browser")]
public sealed class OutputFolderTests(ITestOutputHelper log)
{
    private const string Old = "北留镇";
    private const string New = "西留镇";

    // Reports as many as a county has, each the sample under another name; version New names the town otherwise.
    private static string Reports(string folder, int count)
    {
        var inputs = Directory.CreateDirectory(Path.Combine(folder, "in")).FullName;
        Write(inputs, count, Old);
        return inputs;
    }

    private static void Write(string inputs, int count, string town)
    {
        var text = File.ReadAllText(TestPaths.Sample).Replace(Old, town, StringComparison.Ordinal);
        for (var i = 1; i <= count; i++)
        {
            File.WriteAllText(Path.Combine(inputs, $"town-{i:D3}.yaml"), text);
        }
    }

    // Which build each report's .md and .html come from: Old or New, or "mixed".
    private static Dictionary<string, string> Versions(string output) =>
        Directory.GetFiles(output, "*.md").ToDictionary(md => Path.GetFileNameWithoutExtension(md), md =>
        {
            var a = File.ReadAllText(md).Contains(New, StringComparison.Ordinal) ? New : Old;
            var b = File.ReadAllText(Path.ChangeExtension(md, ".html")).Contains(New, StringComparison.Ordinal) ? New : Old;
            return a == b ? a : "mixed";
        });

    [Fact]
    public void A_second_build_into_the_same_folder_waits_for_the_first_and_says_so()
    {
        var folder = TestPaths.NewTempFolder();
        var inputs = Reports(folder, 200);
        var second = Directory.CreateDirectory(Path.Combine(folder, "in2")).FullName;
        Write(second, 200, New);
        var output = Path.Combine(folder, "out");

        using var first = new RunProcess("build", inputs, "-o", output, "--lang", "en");
        Assert.True(first.WaitUntil(() => Directory.Exists(output) && Directory.GetFiles(output, "*.html").Length > 0, TimeSpan.FromMinutes(5)), "the first build wrote nothing");
        using var next = new RunProcess("build", second, "-o", output, "--lang", "en");
        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(5)));
        Assert.True(next.WaitForExit(TimeSpan.FromMinutes(5)));
        Assert.Equal(0, first.ExitCode);
        Assert.True(next.ExitCode == 0, next.Error);
        Assert.Contains("waiting for another build of", next.Error);

        // The second build wrote after the first had ended: every report is the second build's, md and html.
        var versions = Versions(output);
        Assert.Equal(200, versions.Count);
        Assert.All(versions, v => Assert.Equal(New, v.Value));
    }

    [Fact]
    public void Builds_killed_with_sigkill_while_writing_leave_each_report_old_or_new_as_a_set_once_the_next_build_starts()
    {
        var folder = TestPaths.NewTempFolder();
        var inputs = Reports(folder, 200);
        var output = Path.Combine(folder, "out");
        var broken = Directory.CreateDirectory(Path.Combine(folder, "broken")).FullName;
        File.WriteAllText(Path.Combine(broken, "broken.yaml"), "kind: 法治政府建设年度报告\n");
        using (var full = new RunProcess("build", inputs, "-o", output, "--lang", "en"))
        {
            Assert.True(full.WaitForExit(TimeSpan.FromMinutes(5)) && full.ExitCode == 0, "the first build failed");
        }

        var random = new Random(18);
        var repaired = 0;
        var killed = 0;
        for (var round = 0; round < 10; round++)
        {
            Write(inputs, 200, round % 2 == 0 ? New : Old);
            using (var run = new RunProcess("build", inputs, "-o", output, "--lang", "en"))
            {
                // Killed once it writes, at a moment that differs from round to round.
                run.WaitUntil(() => Directory.GetFiles(output, ".*").Length > 0, TimeSpan.FromMinutes(2));
                Thread.Sleep(random.Next(0, 150));
                if (!run.HasExited)
                {
                    try
                    {
                        run.Signal("KILL");
                        killed++;
                    }
                    catch (Xunit.Sdk.XunitException) when (run.HasExited)
                    {
                        // It had ended just before: nothing to put in order this round.
                    }
                }

                Assert.True(run.WaitForExit(TimeSpan.FromSeconds(10)));
            }

            var left = Directory.GetFiles(output, ".*").Length;
            repaired += left;

            // The next build into the folder (here one that writes nothing: its report has errors) puts it in order first.
            using (var next = new RunProcess("build", Path.Combine(broken, "broken.yaml"), "-o", output, "--lang", "en"))
            {
                Assert.True(next.WaitForExit(TimeSpan.FromMinutes(2)));
                Assert.Equal(1, next.ExitCode);
            }

            Assert.Empty(Directory.GetFiles(output, ".*"));
            var versions = Versions(output);
            Assert.Equal(200, versions.Count);
            Assert.DoesNotContain(versions, v => v.Value == "mixed");
            log.WriteLine($"round {round}: {left} temporary file(s) and journal(s) left by the kill, {versions.Count(v => v.Value == New)} new");
        }

        log.WriteLine($"{killed} of 10 builds killed while they ran, {repaired} file(s) put in order in all");
        Assert.True(killed > 0, "no build was killed while it ran");
    }
}
