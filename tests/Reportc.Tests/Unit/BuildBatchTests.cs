using Reportc.Batch;
using Reportc.Diagnostics;
using Reportc.Kinds;

namespace Reportc.Tests.Unit;

/// <summary>
/// The build's pipeline is the core's (Reportc.Batch.BuildBatch): driven without the command line, it compiles
/// each input, writes the error-free ones' outputs as one set, tells what happened in input order and names the
/// inputs that failed; a second run finds the outputs unchanged.
/// </summary>
public sealed class BuildBatchTests
{
    [Fact]
    public async Task A_batch_builds_the_good_reports_tells_in_input_order_and_names_the_one_that_failed()
    {
        var folder = TestPaths.NewTempFolder();
        File.Copy(Path.Combine(TestPaths.Root, "samples", "shili-2023.yaml"), Path.Combine(folder, "a-good.yaml"));
        File.WriteAllText(Path.Combine(folder, "b-broken.yaml"), "kind: law-based-government\nyear: [2024\n");
        File.Copy(Path.Combine(TestPaths.Root, "samples", "shili-2023.yaml"), Path.Combine(folder, "c-good.yaml"));
        var (inputs, unmatched) = InputFiles.Expand([folder]);
        Assert.Empty(unmatched);
        var compiler = new ReportCompiler(new KindCatalog(), new CompilerOptions { Formats = ["md", "html"] });
        var output = Path.Combine(folder, "out");

        var first = new Listener();
        var failed = await new BuildBatch(compiler, inputs, ["md", "html"], output, first).RunAsync(CancellationToken.None);

        Assert.Equal([Path.Combine(folder, "b-broken.yaml")], failed);
        Assert.Equal(
            ["wrote a-good.md", "wrote a-good.html", "error b-broken.yaml", "wrote c-good.md", "wrote c-good.html"],
            first.Events.Where(e => !e.StartsWith("compiled", StringComparison.Ordinal)));
        Assert.Equal(3, first.Events.Count(e => e.StartsWith("compiled", StringComparison.Ordinal)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(output, "a-good.md")), File.ReadAllBytes(Path.Combine(output, "c-good.md")));
        Assert.Contains("# 示例镇人民政府关于2023年", File.ReadAllText(Path.Combine(output, "a-good.md")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "b-broken.md")));

        var second = new Listener();
        await new BuildBatch(compiler, inputs, ["md", "html"], output, second).RunAsync(CancellationToken.None);
        Assert.Equal(4, second.Events.Count(e => e.StartsWith("unchanged", StringComparison.Ordinal)));

        var checkedOnly = BuildBatch.CheckAll(compiler, inputs);
        Assert.Equal([false, true, false], checkedOnly.Select(c => c.HasErrors));
    }

    private sealed class Listener : IBatchListener
    {
        public List<string> Events { get; } = [];

        public void Waiting(string folder) => Events.Add("waiting " + folder);

        public void Compiled(string path) => Events.Add("compiled " + Path.GetFileName(path));

        public void Pause()
        {
        }

        public void Diagnostics(IReadOnlyList<Diagnostic> diagnostics)
        {
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                Events.Add("error " + Path.GetFileName(diagnostics[0].Span.Path));
            }
        }

        public void Output(string path, bool written) => Events.Add((written ? "wrote " : "unchanged ") + Path.GetFileName(path));
    }
}
