using Reportc.Kinds;

namespace Reportc.Tests.Corpus;

/// <summary>
/// The corpus of broken inputs: each <c>cases/NAME.yaml</c> stands beside <c>cases/NAME.expected</c>, the exact
/// diagnostics it must produce, one a line as <c>(line,col): severity CODE</c>, in the order reportc prints them.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Root, "tests", "Reportc.Tests", "Corpus", "cases");
    private static readonly ReportCompiler Compiler = new(new KindCatalog());

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_broken_input_gives_exactly_its_expected_diagnostics(string name)
    {
        var expected = File.ReadAllLines(Path.Combine(Folder, name + ".expected"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Trim())
            .ToList();

        var compilation = Compiler.Compile(Path.Combine(Folder, name + ".yaml"));
        var actual = compilation.Diagnostics
            .Select(d => $"({d.Span.Line},{d.Span.Column}): {d.Severity.ToString().ToLowerInvariant()} {d.Code}")
            .ToList();

        Assert.Equal(expected, actual);
        if (expected.Any(l => l.Contains(": error ", StringComparison.Ordinal)))
        {
            Assert.Empty(compilation.Outputs);
        }
    }

    [Fact]
    public void The_corpus_holds_at_least_forty_broken_inputs()
    {
        var count = Directory.GetFiles(Folder, "*.yaml").Length;
        Assert.True(count >= 40, $"{count} cases");
    }
}
