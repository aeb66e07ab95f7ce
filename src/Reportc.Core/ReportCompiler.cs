using Reportc.Binding;
using Reportc.Diagnostics;
using Reportc.Kinds;
using Reportc.Loading;
using Reportc.Rendering;

namespace Reportc;

/// <summary>
/// The pipeline: Load (bytes → YAML nodes) → Bind (report model, checked against its kind) → Lay out
/// (narrative → blocks) → Render (Scriban templates). Shares kinds, templates and Markdown across reports.
/// </summary>
public sealed class ReportCompiler(KindCatalog kinds)
{
    public static readonly IReadOnlyList<string> AllFormats = ["md", "html"];

    private readonly MarkdownFormatter _markdown = new();
    private readonly TemplateSet _templates = new();

    public Compilation Compile(string path, IReadOnlyCollection<string> formats) =>
        Compile(path, null, formats);

    public Compilation CompileText(SourceText source, IReadOnlyCollection<string> formats) => Compile(source.Path, source, formats);

    private Compilation Compile(string path, SourceText? preloaded, IReadOnlyCollection<string> formats)
    {
        var diagnostics = new DiagnosticBag();
        var outputs = new List<RenderedOutput>();
        var source = preloaded ?? SourceText.Read(path, diagnostics);
        var root = source is null ? null : YamlLoader.Load(source, diagnostics);
        var report = root is null ? null : ReportBinder.Bind(root, source!, kinds, diagnostics);
        if (report is not null)
        {
            var stylesheet = report.Kind.Stylesheet is { } css && report.Kind.Files.Exists(css) ? report.Kind.Files.Read(css).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
            var model = ReportModel.Build(report, _markdown, stylesheet, diagnostics);
            if (!diagnostics.HasErrors)
            {
                foreach (var format in AllFormats.Where(formats.Contains))
                {
                    var template = _templates.Get(report.Kind, format, diagnostics);
                    if (template is not null && TemplateSet.Render(template, report.Kind, model, diagnostics) is { } text)
                    {
                        outputs.Add(new RenderedOutput(format, text));
                    }
                }
            }
        }

        return new Compilation(path, diagnostics.ToSortedList(), diagnostics.HasErrors ? [] : outputs);
    }
}
