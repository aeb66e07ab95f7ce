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

    // Every report file of the run, read and bound once: built, checked, diffed or named as a previous year.
    private readonly ReportFiles _files = new(kinds, (options ?? new CompilerOptions()).Text);
    private readonly MarkdownFormatter _markdown = new();
    private readonly TemplateSet _templates = new();

    // Read once a run: a kind's stylesheet, and the @font-face rules of a report folder's fonts (every
    // report of a folder shares them, and a font file is megabytes to encode).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ReportKind, string> _stylesheets = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ReportKind, string), FontRules> _fonts = new();

    public CompilerOptions Options => _options;

    public Compilation Compile(string path) => Compile(path, () => _files.Take(path));

    public Compilation CompileText(SourceText source) => Compile(source.Path, () => BoundFile.Of(source, [], kinds, _options.Text));

    /// <summary>Reads and binds a report without checking or rendering it (for diff and new); null with errors.</summary>
    public (Model.Report? Report, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        var diagnostics = new DiagnosticBag(_options.Text);
        var file = _files.Get(path);
        Parse(file, diagnostics);
        diagnostics.AddRange(file.Bound);
        return (diagnostics.HasErrors ? null : file.Report, diagnostics.ToSortedList());
    }

    /// <summary>The text of a report file as read for this run (<see cref="Load"/> read it); null when it could not be read.</summary>
    public SourceText? Source(string path) => _files.Get(path).Source;

    // The read, the text checks and the YAML parse, a syntax error explained where a clerk's usual slip
    // caused it (build, check, diff and new all report a broken file alike).
    private static YamlDotNet.RepresentationModel.YamlNode? Parse(BoundFile file, DiagnosticBag diagnostics)
    {
        diagnostics.AddRange(file.Read);
        if (file.Source is not { } source)
        {
            return null;
        }

        SourceChecks.Run(source, diagnostics);
        diagnostics.AddRange(file.Parsed);
        var root = file.Root;
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

    private Compilation Compile(string path, Func<BoundFile> load)
    {
        var diagnostics = new DiagnosticBag(_options.Text);
        var outputs = new List<RenderedOutput>();
        DocumentSummary? summary = null;
        Suppressions? suppressions = null;
        try
        {
            CompileInto(path, load(), diagnostics, outputs, ref summary, ref suppressions);
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

    private void CompileInto(string path, BoundFile file, DiagnosticBag diagnostics, List<RenderedOutput> outputs, ref DocumentSummary? summary, ref Suppressions? suppressions)
    {
        diagnostics.AddRange(file.Read);
        if (file.Source is { } source)
        {
            suppressions = Suppressions.Read(source, diagnostics);
            var root = Parse(file with { Read = [] }, diagnostics);
            if (root is not null)
            {
                suppressions.ApplyTextBlocks(root, source.Path, diagnostics);
                diagnostics.AddRange(file.Bound);
            }

            var report = file.Report;
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
                    FontFolder.FaceRules(key.Item1.Files.FontFiles().Concat(FontFiles.In(key.Item2, Path.GetDirectoryName(path) ?? ""))));
                FontDiagnostics.Report(fontRules, diagnostics);
                var fonts = fontRules.Css;
                var previous = report.Year > 0 ? PreviousYears.Load(report, _files, _options.ProjectFolders, diagnostics) : null;
                // {{id}}, {{id.change}} and {{table.row.column}} resolved once with the previous year; checked, then printed.
                report = NarrativeReferences.Bind(report, previous);
                ReferenceChecks.Run(report, diagnostics);
                // Built with TODOs or empty metrics left (reportc build --draft): the outputs say so at the top.
                var model = ReportModel.Build(report, _markdown, stylesheet, fonts, report.IsDraft);
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
