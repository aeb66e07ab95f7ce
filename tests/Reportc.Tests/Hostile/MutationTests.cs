using CsCheck;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;

namespace Reportc.Tests.Hostile;

/// <summary>
/// Ten thousand mutants of the sample (characters and tokens deleted, inserted, lines duplicated, dropped,
/// swapped and re-indented): none makes the compiler throw, and every diagnostic of a rejected mutant
/// points at a line inside the file.
/// </summary>
public sealed class MutationTests
{
    private static readonly string[] Tokens =
    [
        ":", ": ", "- ", "\t", "{{", "}}", "{{nope}}", "{{ year }}", "[", "]", "{", "}", "\"", "'", "&a ", "*a", "---\n",
        "\n", "  ", "# ", "|", ">", "：", "\u3000", "\uFFFD", "一、", "100%", "-5 ", "余", "〔", "【", "人員", ",", "(",
        "<script>", "!!binary ", "? ", "%YAML 1.1\n", "~", "null", "1e999", "0x1F", "\\", "\r", "\u200B", "\U0001F600",
    ];

    private static readonly ReportCompiler Compiler = new(new KindCatalog());

    [Fact]
    public void Ten_thousand_mutants_of_the_sample_never_throw_and_are_reported_inside_the_file()
    {
        var sample = File.ReadAllText(TestPaths.Sample);
        var mutation = Gen.Select(Gen.Int[0, 6], Gen.Int[0, sample.Length - 1], Gen.Int[1, 40], Gen.Int[0, Tokens.Length - 1]);
        var rejected = 0;

        mutation.Array[1, 3].Select(ops => ops.Aggregate(sample, Apply)).Sample(text =>
        {
            // Lines as the loader counts them: a lone CR (one of the tokens) breaks a line too.
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Length;
            var result = Compiler.CompileText(SourceText.FromString("mutant.yaml", text));
            if (result.HasErrors)
            {
                Interlocked.Increment(ref rejected);
                Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
                Assert.Empty(result.Outputs);
            }
            else
            {
                Assert.Equal(2, result.Outputs.Count);
            }

            foreach (var d in result.Diagnostics.Where(d => d.Span.Path == "mutant.yaml"))
            {
                Assert.True(d.Span.Line >= 1 && d.Span.Line <= lines, $"{d} (the file has {lines} lines)");
                Assert.True(d.Span.Column >= 1, d.ToString());
            }
        }, iter: 10_000, threads: 1, seed: "0N0XIzNsQ0O2");

        Assert.InRange(rejected, 1000, 10_000);
    }

    private static string Apply(string text, (int Op, int Position, int Length, int Token) m)
    {
        var at = Math.Min(m.Position, text.Length);
        var lines = text.Split('\n').ToList();
        var line = Math.Min(lines.Count - 1, text[..at].Count(c => c == '\n'));
        switch (m.Op)
        {
            case 0:
                return text.Remove(at, Math.Min(m.Length, text.Length - at));
            case 1:
                return text.Insert(at, Tokens[m.Token]);
            case 2:
                lines.Insert(line, lines[line]);
                break;
            case 3:
                lines.RemoveAt(line);
                break;
            case 4 when line + 1 < lines.Count:
                (lines[line], lines[line + 1]) = (lines[line + 1], lines[line]);
                break;
            case 5:
                lines[line] = m.Length % 2 == 0 ? "  " + lines[line] : lines[line].TrimStart();
                break;
            default:
                return at < text.Length ? text.Remove(at, 1).Insert(at, ((char)(m.Length % 2 == 0 ? 0x4E00 + (m.Token * 37) : 0x21 + m.Token)).ToString()) : text;
        }

        return string.Join('\n', lines);
    }
}
