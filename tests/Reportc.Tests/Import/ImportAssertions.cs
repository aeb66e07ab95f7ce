using System.Text.RegularExpressions;
using Reportc.Diagnostics;
using Reportc.Import;
using Reportc.Kinds;
using Reportc.Model;

namespace Reportc.Tests.Import;

/// <summary>Imports a file, writes the report file, and loads and builds it the way a user would.</summary>
internal static partial class ImportAssertions
{
    public static ImportResult Import(string path, string? kind = null) =>
        Importer.Import(path, new KindCatalog(), kind, MessageText.English);

    /// <summary>The written report file: checked without errors, its report and its Markdown.</summary>
    public static (string Yaml, Report Report, string Markdown, IReadOnlyList<Diagnostic> Check) Accepted(ImportResult result, string folder, string name = "imported.yaml")
    {
        Assert.NotNull(result.Yaml);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, result.Yaml);
        var compiler = new ReportCompiler(new KindCatalog());
        var compilation = compiler.Compile(path);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + result.Yaml);
        var (report, _) = compiler.Load(path);
        return (result.Yaml!, report!, compilation.Output("md"), compilation.Diagnostics);
    }

    // As SampleFidelityTests compares: Markdown markup and all whitespace out.
    public static string Strip(string markdown)
    {
        var text = Regex.Replace(markdown, @"^\s*(#+|>|---+)\s?", "", RegexOptions.Multiline);
        text = Regex.Replace(text, @"<[^>\n]+>", "");
        text = text.Replace("*", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal).Replace("\uFEFF", "", StringComparison.Ordinal);
        return Regex.Replace(text, @"\s+", "");
    }

    public static int References(string yaml, string id) => Regex.Matches(yaml, @"\{\{" + Regex.Escape(id) + @"\}\}").Count;
}
