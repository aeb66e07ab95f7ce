using System.CommandLine;
using Reportc.Batch;
using Reportc.Diagnostics;

namespace Reportc.Cli;

/// <summary>
/// <c>reportc build [FILE|DIR|GLOB...] [-o DIR] [--format md,html,docx,pdf]</c>: reads the options and prints;
/// the build itself (compile, write each error-free file's outputs as one set, print the PDFs with one browser)
/// is Reportc.Batch.BuildBatch.
/// </summary>
internal sealed class BuildCommandDefinition : Command
{
    public static readonly string[] Formats = ["md", "html", "docx", "pdf"];

    private readonly CommonOptions _common = new();

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Folder for the outputs, mirroring the inputs' folders (default: beside each input)",
        HelpName = "DIR",
    };

    private readonly Option<string?> _format = new("--format", "-f")
    {
        Description = "Outputs to write, comma-separated: md, html, docx, pdf (default: md,html)",
        HelpName = "md,html,docx,pdf",
    };

    private readonly Option<string?> _browser = new("--browser")
    {
        Description = "The Chromium, Chrome or Edge to print PDFs with (default: REPORTC_BROWSER, else found on PATH and the usual places)",
        HelpName = "PATH",
    };

    private readonly Option<bool> _draft = new("--draft")
    {
        Description = "Build even with TODO markers and metrics left empty (as reportc new writes them)",
    };

    public BuildCommandDefinition()
        : base("build", "Check report files and render them to Markdown, HTML and PDF")
    {
        _common.AddTo(this);
        Add(_output);
        Add(_format);
        Add(_browser);
        Add(_draft);
        SetAction((parse, cancel) => Execute(parse, cancel));
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken cancel)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var project = _common.ReadProject(parse, error, out var projectFailed);
        if (projectFailed)
        {
            return ExitCodes.Usage;
        }

        var formatText = parse.GetValue(_format) ?? (project?.Formats.Count > 0 ? string.Join(",", project.Formats) : "md,html");
        var formats = formatText.ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = formats.Where(f => !Formats.Contains(f)).ToList();
        if (formats.Length == 0 || unknown.Count > 0)
        {
            error.WriteLine($"reportc: unknown output format '{string.Join(",", unknown)}'; choose from: {string.Join(", ", Formats)}");
            return ExitCodes.Usage;
        }

        var inputs = _common.ResolveInputs(parse, project, error);
        if (inputs is null)
        {
            return ExitCodes.Usage;
        }

        // A PDF is printed from the HTML, so the HTML is rendered whenever a PDF is wanted.
        var rendered = formats.Contains("pdf") ? formats.Where(f => f != "pdf").Append("html").Distinct().ToList() : [.. formats];
        var compiler = _common.CreateCompiler(parse, rendered, error, todosAreErrors: !parse.GetValue(_draft), project);
        if (compiler is null)
        {
            return ExitCodes.Usage;
        }

        var text = compiler.Options.Text;
        var writer = new DiagnosticWriter(parse.GetValue(_common.Diagnostics)!, text, output, error)
        {
            Quiet = parse.GetValue(_common.Quiet),
            Verbose = parse.GetValue(_common.Verbose),
        };
        var progress = new Progress(error, inputs.Count, enabled: writer.IsText && !writer.Quiet);
        var batch = new BuildBatch(compiler, inputs, formats, parse.GetValue(_output) ?? project?.Output, new Printer(writer, progress, error, text))
        {
            Browser = parse.GetValue(_browser),
        };
        var failedFiles = await batch.RunAsync(cancel).ConfigureAwait(false);
        writer.Finish(inputs.Count, failedFiles);
        return failedFiles.Count > 0 || inputs.Count == 0 ? ExitCodes.ReportErrors : ExitCodes.Success;
    }

    // What the batch tells, printed: diagnostics and outputs by the writer, the counter on a terminal.
    private sealed class Printer(DiagnosticWriter writer, Progress progress, TextWriter error, MessageText text) : IBatchListener
    {
        public void Waiting(string folder) => error.WriteLine("reportc: " + text.Format("WaitingForLock", folder));

        public void Compiled(string path) => progress.Step(path);

        public void Pause() => progress.Clear();

        public void Diagnostics(IReadOnlyList<Diagnostic> diagnostics) => writer.Write(diagnostics);

        public void Output(string path, bool written) => writer.Progress(written ? "Wrote" : "Unchanged", path, written);
    }
}
