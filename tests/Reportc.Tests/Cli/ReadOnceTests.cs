using System.Collections.Concurrent;
using Reportc.Kinds;
using Reportc.Loading;

namespace Reportc.Tests.Cli;

/// <summary>Each report file is read and bound once a run, whether it is built, checked or named as a previous year.</summary>
public sealed class ReadOnceTests
{
    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    public void A_run_over_the_samples_reads_each_file_once_though_shili_2024_names_shili_2023_as_its_previous_year(string command)
    {
        // Named relative to the working folder, as a user names them (the previous year is found by its real path).
        var samples = Path.GetRelativePath(Environment.CurrentDirectory, CopyOfSamples());
        var reads = new ConcurrentQueue<string>();

        int code;
        using (SourceText.ObserveReads(reads.Enqueue))
        {
            code = command == "build"
                ? CliRunner.RunInProcess("build", samples, "-o", Path.Combine(Path.GetDirectoryName(samples)!, "out"), "--lang", "en").ExitCode
                : CliRunner.RunInProcess("check", samples, "--lang", "en").ExitCode;
        }

        Assert.Equal(0, code);
        Assert.Contains("previous: shili-2023.yaml", File.ReadAllText(Path.Combine(samples, "shili-2024.yaml")), StringComparison.Ordinal);
        var counts = reads.Where(p => Path.GetExtension(p) == ".yaml").GroupBy(Path.GetFileName).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(
            Directory.GetFiles(samples, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(name => $"{name}: 1"),
            counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));
    }

    [Fact]
    public void A_previous_year_read_first_is_not_read_again_when_its_own_file_is_built_and_its_change_phrases_still_print()
    {
        var samples = CopyOfSamples();
        var compiler = new ReportCompiler(new KindCatalog());
        var reads = new ConcurrentQueue<string>();

        Compilation later, earlier;
        using (SourceText.ObserveReads(reads.Enqueue))
        {
            later = compiler.Compile(Path.Combine(samples, "shili-2024.yaml"));
            earlier = compiler.Compile(Path.Combine(samples, "shili-2023.yaml"));
        }

        Assert.False(later.HasErrors, string.Join("\n", later.Diagnostics));
        Assert.False(earlier.HasErrors, string.Join("\n", earlier.Diagnostics));
        Assert.Equal(["shili-2024.yaml", "shili-2023.yaml"], reads.Select(Path.GetFileName));
        // shili-2024's {{id.change}} read shili-2023's values: the same text as a compiler that read the files anew.
        var alone = new ReportCompiler(new KindCatalog()).Compile(Path.Combine(samples, "shili-2024.yaml"));
        Assert.Equal(alone.Outputs.Select(o => o.Content), later.Outputs.Select(o => o.Content));
        Assert.Contains("同比", later.Outputs.Single(o => o.Format == "md").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_compiled_twice_by_one_compiler_is_read_again_and_gives_the_same_outputs()
    {
        var samples = CopyOfSamples();
        var compiler = new ReportCompiler(new KindCatalog());
        var path = Path.Combine(samples, "shili-2023.yaml");

        var first = compiler.Compile(path);
        var second = compiler.Compile(path);

        Assert.NotEmpty(first.Outputs);
        Assert.Equal(first.Outputs.Select(o => o.Content), second.Outputs.Select(o => o.Content));
    }

    [Fact]
    public void A_file_built_then_loaded_by_one_compiler_is_loaded_in_full()
    {
        var samples = CopyOfSamples();
        var compiler = new ReportCompiler(new KindCatalog());
        var path = Path.Combine(samples, "shili-2024.yaml");

        Assert.False(compiler.Compile(path).HasErrors);
        var (report, diagnostics) = compiler.Load(path);

        Assert.DoesNotContain(diagnostics, d => d.Severity == Reportc.Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal(2024, report!.Year);
        Assert.NotEmpty(report.Sections);
    }

    [Fact]
    public void The_diff_driver_shows_the_changed_lines_of_a_broken_side_from_the_text_it_read_once()
    {
        var samples = CopyOfSamples();
        var old = Path.Combine(samples, "shili-2023.yaml");
        var broken = Path.Combine(samples, "broken.yaml");
        File.WriteAllText(broken, File.ReadAllText(old).Replace("year: 2023", "year: 2023\n  bad: [", StringComparison.Ordinal));
        var binary = Path.Combine(samples, "binary.yaml");
        File.WriteAllBytes(binary, [0x6B, 0x69, 0x6E, 0x64, 0x3A, 0x00, 0x01, 0x02]);
        var reads = new ConcurrentQueue<string>();

        (int ExitCode, string Output, string Error) lines, binaryDiff;
        using (SourceText.ObserveReads(reads.Enqueue))
        {
            // As git's external diff driver: path, old file, hex, mode, new file, hex, mode.
            lines = CliRunner.RunInProcess("diff", "shili.yaml", old, "1111111", "100644", broken, "2222222", "100644");
            binaryDiff = CliRunner.RunInProcess("diff", "shili.yaml", old, "1111111", "100644", binary, "3333333", "100644");
        }

        Assert.True(lines.ExitCode == 0, lines.Error);
        Assert.Contains("--- a/shili.yaml\n+++ b/shili.yaml\n", lines.Output, StringComparison.Ordinal);
        Assert.Contains("\n+  bad: [\n", lines.Output, StringComparison.Ordinal);
        Assert.True(binaryDiff.ExitCode == 0, binaryDiff.Error);
        Assert.Contains("Binary files a/shili.yaml and b/shili.yaml differ", binaryDiff.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("+++", binaryDiff.Output, StringComparison.Ordinal);
        // Each side read once by each run: to bind it, and its lines shown from that text.
        Assert.Equal(["shili-2023.yaml", "broken.yaml", "shili-2023.yaml", "binary.yaml"], reads.Select(Path.GetFileName));
    }

    private static string CopyOfSamples()
    {
        var samples = Path.Combine(TestPaths.NewTempFolder(), "samples");
        Directory.CreateDirectory(samples);
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Root, "samples"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(samples, Path.GetFileName(file)));
        }

        return samples;
    }
}
