using System.CommandLine;
using System.Text;
using Reportc.Diagnostics;
using Reportc.Output;

namespace Reportc.Cli;

/// <summary>
/// <c>reportc build FILE... [-o DIR] [--format md,html,pdf]</c>: checks, then writes the outputs of each
/// error-free file as one set. PDFs are printed by one browser for the whole run.
/// </summary>
internal sealed class BuildCommandDefinition : Command
{
    public static readonly string[] Formats = ["md", "html", "pdf"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly CommonOptions _common = new();

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Folder for the outputs (default: beside each input)",
        HelpName = "DIR",
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Outputs to write, comma-separated: md, html, pdf",
        DefaultValueFactory = _ => "md,html",
        HelpName = "md,html,pdf",
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
        var formats = parse.GetValue(_format)!.ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = formats.Where(f => !Formats.Contains(f)).ToList();
        if (formats.Length == 0 || unknown.Count > 0)
        {
            error.WriteLine($"reportc: unknown output format '{string.Join(",", unknown)}'; choose from: {string.Join(", ", Formats)}");
            return ExitCodes.Usage;
        }

        // A PDF is printed from the HTML, so the HTML is rendered whenever a PDF is wanted.
        var rendered = formats.Contains("pdf") ? formats.Where(f => f != "pdf").Append("html").Distinct().ToList() : [.. formats];
        var compiler = _common.CreateCompiler(parse, rendered, error, todosAreErrors: !parse.GetValue(_draft));
        if (compiler is null)
        {
            return ExitCodes.Usage;
        }

        var text = compiler.Options.Text;
        var writer = new DiagnosticWriter(parse.GetValue(_common.Diagnostics)!, text, output, error);
        var outputFolder = parse.GetValue(_output);
        var files = parse.GetValue(_common.Files)!;
        var failed = 0;
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var built = new List<Compilation>();
        foreach (var file in files)
        {
            var compilation = compiler.Compile(file);
            writer.Write(compilation.Diagnostics);
            if (compilation.HasErrors || !Claim(compilation, outputFolder, claimed, text, writer))
            {
                failed++;
            }
            else
            {
                built.Add(compilation);
            }
        }

        var pdfs = formats.Contains("pdf") && built.Count > 0
            ? await PdfStage.PrintAsync(built, parse.GetValue(_browser), text, writer, cancel).ConfigureAwait(false)
            : null;
        foreach (var compilation in built)
        {
            var set = compilation.Outputs
                .Where(o => formats.Contains(o.Format))
                .Select(o => (Path: OutputPath(compilation.InputPath, outputFolder, o.Format), Content: Utf8.GetBytes(o.Content)))
                .ToList();
            var pdfWanted = pdfs is not null;
            if (pdfWanted && pdfs!.TryGetValue(compilation, out var pdf))
            {
                set.Add((OutputPath(compilation.InputPath, outputFolder, "pdf"), pdf));
            }

            if (!Write(compilation, set, text, writer) || (pdfWanted && !pdfs!.ContainsKey(compilation)))
            {
                failed++;
            }
        }

        writer.Finish(files.Length);
        return failed > 0 ? ExitCodes.ReportErrors : ExitCodes.Success;
    }

    private static string OutputPath(string input, string? outputFolder, string format) =>
        Path.Combine(outputFolder ?? Path.GetDirectoryName(input) ?? ".", $"{Path.GetFileNameWithoutExtension(input)}.{format}");

    // Two inputs of the same name would overwrite each other's outputs: the second is refused.
    private static bool Claim(Compilation compilation, string? outputFolder, Dictionary<string, string> claimed, MessageText text, DiagnosticWriter writer)
    {
        var path = Path.GetFullPath(OutputPath(compilation.InputPath, outputFolder, "html"));
        var input = Path.GetFullPath(compilation.InputPath);
        if (claimed.TryGetValue(path, out var owner) && owner != input)
        {
            writer.Write([Diagnostic.Create(Descriptors.SameOutput, SourceSpan.WholeFile(compilation.InputPath), text, OutputPath(compilation.InputPath, outputFolder, "*"), owner)]);
            return false;
        }

        claimed[path] = input;
        return true;
    }

    private static bool Write(Compilation compilation, IReadOnlyList<(string Path, byte[] Content)> files, MessageText text, DiagnosticWriter writer)
    {
        try
        {
            foreach (var (path, written) in OutputSet.Write(files))
            {
                writer.Progress(written ? "Wrote" : "Unchanged", path);
            }

            return true;
        }
        catch (OutputException e)
        {
            writer.Write([Diagnostic.Create(Descriptors.CannotWrite, SourceSpan.WholeFile(compilation.InputPath), text, e.Path, e.InnerException?.Message ?? e.Message)]);
            return false;
        }
    }
}
