using Reportc.Kinds;
using Reportc.Rendering;

namespace Reportc.Tests.Cli;

/// <summary>A kind's template is code from outside: a loop without end, a huge string or an endless output is RC0501 at its line.</summary>
public sealed class TemplateBudgetTests
{
    private static (string Template, string Input, string Kinds) KindWithTemplate(string text)
    {
        var (kinds, input) = TemplatesOptionTests.CopyKind();
        var template = Path.Combine(kinds, "law-based-government", "report.sbn-md");
        File.WriteAllText(template, text);
        return (template, input, kinds);
    }

    private static Compilation Compile(string kinds, string input, TemplateBudget budget) =>
        new ReportCompiler(new KindCatalog(kinds), new CompilerOptions { Formats = ["md"], TemplateBudget = budget }).Compile(input);

    [Fact]
    public void A_loop_that_grows_a_string_each_time_round_is_stopped_by_the_time_budget_at_its_line()
    {
        var (template, input, kinds) = KindWithTemplate("标题\n{{ s = ''\n   c = '" + new string('字', 2000) + "'\n   for i in 1..99999\n     s = s + c\n   end }}{{ s }}\n");

        var result = Compile(kinds, input, TemplateBudget.Default with { Time = TimeSpan.FromSeconds(2) });

        var error = Assert.Single(result.Diagnostics, d => d.Code == "RC0501");
        Assert.Equal(template, error.Span.Path);
        Assert.InRange(error.Span.Line, 4, 5);
        Assert.Contains("longer than 2 s", error.ToString(Diagnostics.MessageText.English), StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    [Fact]
    public void A_padding_of_a_billion_characters_is_refused_at_its_line_under_the_default_budget()
    {
        var (template, input, kinds) = KindWithTemplate("标题\n\n{{ \"\" | string.pad_left 1000000000 }}\n");

        var (code, _, stderr) = CliRunner.Run("build", input, "--templates", kinds, "--format", "md");

        Assert.Equal(1, code);
        Assert.Contains("report.sbn-md(3,", stderr, StringComparison.Ordinal);
        Assert.Contains("error RC0501", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.ChangeExtension(input, ".md")));
        Assert.True(File.Exists(template));
    }

    [Fact]
    public void An_output_past_its_budget_stops_at_the_statement_that_writes_it()
    {
        var (_, input, kinds) = KindWithTemplate("标题\n{{ for i in 1..99999 }}" + new string('文', 1000) + "{{ end }}\n");

        var result = Compile(kinds, input, TemplateBudget.Default with { OutputChars = 1 << 20 });

        var error = Assert.Single(result.Diagnostics, d => d.Code == "RC0501");
        Assert.Equal(2, error.Span.Line);
        Assert.Contains("past 1 MB", error.ToString(Diagnostics.MessageText.English), StringComparison.Ordinal);
    }
}
