using Reportc.Binding;
using Reportc.Checks;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Rendering;

namespace Reportc;

/// <summary>
/// The pipeline: Load (bytes → YAML nodes) → Bind (report model, checked against its kind) → Check (公文
/// rules, prose) → Lay out (narrative → blocks) → Render (Scriban templates). Kinds, templates and the
/// Markdown pipeline are shared by every report compiled.
/// </summary>
public sealed class ReportCompiler(KindCatalog kinds, CompilerOptions? options = null)
{
    public static readonly IReadOnlyList<string> AllFormats = ["md", "html", "docx"];

    private readonly CompilerOptions _options = options ?? new CompilerOptions();
    private readonly MarkdownFormatter _markdown = new();
    private readonly TemplateSet _templates = new();

    // Read once a run: a kind's stylesheet, and the @font-face rules of a report folder's fonts (every
    // report of a folder shares them, and a font file is megabytes to encode).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ReportKind, string> _stylesheets = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ReportKind, string), FontRules> _fonts = new();

    public CompilerOptions Options => _options;

    public Compilation Compile(string path)
    {
        var diagnostics = new DiagnosticBag(_options.Text);
        return Compile(path, SourceText.Read(path, diagnostics), diagnostics);
    }

    public Compilation CompileText(SourceText source) => Compile(source.Path, source, new DiagnosticBag(_options.Text));

    /// <summary>Reads and binds a report without checking or rendering it (for diff and new); null with errors.</summary>
    public (Model.Report? Report, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        var diagnostics = new DiagnosticBag(_options.Text);
        var source = SourceText.Read(path, diagnostics);
        var root = source is null ? null : Parse(source, diagnostics);
        var report = root is null ? null : ReportBinder.Bind(root, source!, kinds, diagnostics);
        return (diagnostics.HasErrors ? null : report, diagnostics.ToSortedList());
    }

    // The text checks and the YAML parse, a syntax error explained where a clerk's usual slip caused it
    // (build, check, diff and new all report a broken file alike).
    private static YamlDotNet.RepresentationModel.YamlNode? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        SourceChecks.Run(source, diagnostics);
        var root = YamlLoader.Load(source, diagnostics);
        if (root is null && diagnostics.Has(Descriptors.YamlSyntax) && SourceChecks.ExplainSyntaxError(source, diagnostics, diagnostics.FirstSpanOf(Descriptors.YamlSyntax)))
        {
            diagnostics.RemoveWhere(d => d.Code == Descriptors.YamlSyntax.Code);
        }

        // A tab in the indentation is reported where it is; YamlDotNet's own complaint about it has no usable place.
        if (diagnostics.Has(Descriptors.TabIndentation))
        {
            diagnostics.RemoveWhere(d => d.Code == Descriptors.YamlSyntax.Code && d.Message.Contains("tab", StringComparison.OrdinalIgnoreCase));
        }

        return root;
    }

    private Compilation Compile(string path, SourceText? source, DiagnosticBag diagnostics)
    {
        var outputs = new List<RenderedOutput>();
        DocumentSummary? summary = null;
        Suppressions? suppressions = null;
        try
        {
            CompileInto(path, source, diagnostics, outputs, ref summary, ref suppressions);
        }
        catch (Exception e) when (!_options.ThrowInternalErrors && e is not (OperationCanceledException or OutOfMemoryException))
        {
            // A bug met by one report is that report's error: the batch goes on with the others.
            diagnostics.Report(Descriptors.InternalErrorInReport, SourceSpan.At(path, 1, 1), e.GetType().Name, e.Message.TrimEnd('.'));
            outputs.Clear();
        }

        _options.Policy.Apply(
            diagnostics,
            found => suppressions?.ReportSilencedErrors(diagnostics, found, path),
            d => suppressions?.Silences(d, path) == true);
        return new Compilation(path, diagnostics.ToSortedList(), diagnostics.HasErrors ? [] : outputs) { Document = summary };
    }

    private void CompileInto(string path, SourceText? source, DiagnosticBag diagnostics, List<RenderedOutput> outputs, ref DocumentSummary? summary, ref Suppressions? suppressions)
    {
        if (source is not null)
        {
            suppressions = Suppressions.Read(source, diagnostics);
            var root = Parse(source, diagnostics);
            if (root is not null)
            {
                suppressions.ApplyTextBlocks(root, source.Path, diagnostics);
            }

            var report = root is null ? null : ReportBinder.Bind(root, source, kinds, diagnostics);
            if (report is not null)
            {
                summary = report.IsComplete ? new DocumentSummary(string.Concat(report.Document.TitleLines), string.Join("、", report.Document.Issuers), report.Document.Date) : null;
                if (report.Document.IsComplete && report.Year > 0)
                {
                    DocumentChecks.Run(report, diagnostics);
                }

                TextChecks.Run(report, diagnostics);
                LinkChecks.Run(report, diagnostics);
                EmphasisChecks.Run(report, diagnostics);
                TableChecks.Run(report, diagnostics);
                TableTextChecks.Run(report, diagnostics);
                var kind = report.Kind;
                var stylesheet = _stylesheets.GetOrAdd(kind, k =>
                    k.Stylesheet is { } css && k.Files.Exists(css) ? k.Files.Read(css).Replace("\r\n", "\n", StringComparison.Ordinal) : "");
                var fontRules = _fonts.GetOrAdd((kind, Path.GetDirectoryName(Path.GetFullPath(path)) ?? "."), key =>
                    FontFolder.FaceRules(key.Item1.Files.FontFiles().Concat(FontFolder.Files(key.Item2, Path.GetDirectoryName(path) ?? ""))));
                FontDiagnostics.Report(fontRules, diagnostics);
                var fonts = fontRules.Css;
                var previous = report.Year > 0 ? PreviousYears.Load(report, kinds, diagnostics) : null;
                // Built with TODOs or empty metrics left (reportc build --draft): the outputs say so at the top.
                var model = ReportModel.Build(report, previous, _markdown, stylesheet, fonts, report.IsDraft, diagnostics);
                if (!diagnostics.HasErrors)
                {
                    foreach (var format in AllFormats.Where(_options.Formats.Contains))
                    {
                        if (format == "docx")
                        {
                            outputs.Add(new RenderedOutput(format, "") { Bytes = Rendering.Docx.DocxRenderer.Render(report, model, _markdown) });
                            continue;
                        }

                        var template = _templates.Get(kind, format, diagnostics);
                        if (template is not null && TemplateSet.Render(template, kind, model, diagnostics, _options.TemplateBudget) is { } text)
                        {
                            outputs.Add(new RenderedOutput(format, text));
                        }
                    }
                }
            }
        }

    }
}
