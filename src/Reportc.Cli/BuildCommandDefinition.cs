using System.CommandLine;
using System.Text;
using Reportc.Diagnostics;
using Reportc.Output;
using Reportc.Pdf;

namespace Reportc.Cli;

/// <summary>
/// <c>reportc build [FILE|DIR|GLOB...] [-o DIR] [--format md,html,docx,pdf]</c>: checks, then writes the outputs of
/// each error-free file as one set, mirroring the input tree under the output folder. Files are built in
/// parallel and reported in input order; one broken file never stops the others. PDFs are printed by one
/// browser for the whole run.
/// </summary>
internal sealed class BuildCommandDefinition : Command
{
    public static readonly string[] Formats = ["md", "html", "docx", "pdf"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

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
        var outputFolder = parse.GetValue(_output) ?? project?.Output;
        var plan = new OutputPlan(outputFolder);
        var progress = new Progress(error, inputs.Count, enabled: writer.IsText && !writer.Quiet);
        var results = new Result[inputs.Count];
        var pdfWanted = formats.Contains("pdf");
        var pending = new List<(int Index, Compilation Compilation)>();
        var gate = new Lock();
        var reported = 0;

        // One build at a time writes into a folder: a second one waits, saying so. Then what runs that were
        // killed left there is put in order: half-renamed sets finished, temporary files removed.
        List<string> folders = outputFolder is not null ? [outputFolder] : [.. inputs.Select(input => Path.GetDirectoryName(Path.GetFullPath(plan.PathFor(input, "md")))!).Distinct()];
        using var folderLock = await FolderLock.TakeAsync(folders, folder => error.WriteLine("reportc: " + text.Format("WaitingForLock", folder)), cancel).ConfigureAwait(false);
        foreach (var folder in folders)
        {
            try
            {
                OutputSet.Recover(folder, recursive: outputFolder is not null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to put in order (another user's files); the writes say if the folder cannot be written.
            }
        }

        // The browser starts while the reports are built, unless every PDF is there already (then most are
        // likely unchanged, and it starts only if one has to be printed).
        var pdfStage = pdfWanted ? PdfStage.Start(parse.GetValue(_browser), startNow: inputs.Any(input => !File.Exists(plan.PathFor(input, "pdf"))), cancel) : null;
        try
        {
            await Compile().ConfigureAwait(false);
            progress.Clear();
        }
        catch when (pdfStage is not null)
        {
            await pdfStage.PrintAsync([], (_, _) => { }, text, writer).ConfigureAwait(false); // closes the browser
            throw;
        }

        if (pdfStage is not null)
        {
            await Print(pdfStage).ConfigureAwait(false);
        }

        var failedFiles = results.Where(r => r.Failed).Select(r => r.Input.Path).ToList();
        writer.Finish(inputs.Count, failedFiles);
        return failedFiles.Count > 0 || inputs.Count == 0 ? ExitCodes.ReportErrors : ExitCodes.Success;

        // Built in parallel; reported in input order as soon as every earlier file is done.
        Task Compile() => Parallel.ForAsync(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel }, (i, _) =>
        {
            var input = inputs[i];
            var compilation = compiler.Compile(input.Path);
            var result = new Result(input, compilation.Diagnostics.ToList(), []);
            if (!compilation.HasErrors && plan.Claim(input, compilation, text, result.Diagnostics))
            {
                var set = compilation.Outputs
                    .Where(o => formats.Contains(o.Format))
                    .Select(o => (Path: plan.PathFor(input, o.Format), Content: o.Bytes ?? Utf8.GetBytes(o.Content)))
                    .ToList();
                result = result with { Written = Write(input, set, text, result.Diagnostics) };
                if (pdfWanted && result.Failed is false)
                {
                    lock (gate)
                    {
                        pending.Add((i, compilation));
                    }
                }
            }

            lock (gate)
            {
                results[i] = result;
                progress.Step(input.Path);
                while (reported < results.Length && results[reported] is { } next)
                {
                    progress.Clear();
                    writer.Write(next.Diagnostics);
                    foreach (var (path, written) in next.Written)
                    {
                        writer.Progress(written ? "Wrote" : "Unchanged", path, written);
                    }

                    reported++;
                }
            }

            return ValueTask.CompletedTask;
        });

        // Each PDF is written as soon as it is printed; what happened is reported in input order after.
        async Task Print(PdfStage stage)
        {
            pending.Sort((a, b) => a.Index.CompareTo(b.Index));

            // A PDF printed from the same HTML with the same browser is not printed again.
            var unchanged = pending.Where(p => PdfInfo.SourceOf(plan.PathFor(inputs[p.Index], "pdf")) == stage.Key(p.Compilation)).Select(p => p.Index).ToHashSet();
            var indexOf = pending.ToDictionary(p => p.Compilation, p => p.Index);
            var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<int, (IReadOnlyList<(string Path, bool Written)> Written, List<Diagnostic> Diagnostics)>();
            await stage.PrintAsync([.. pending.Where(p => !unchanged.Contains(p.Index)).Select(p => p.Compilation)], (compilation, pdf) =>
            {
                var index = indexOf[compilation];
                var diagnostics = new List<Diagnostic>();
                outcomes[index] = (Write(inputs[index], [(plan.PathFor(inputs[index], "pdf"), pdf)], text, diagnostics), diagnostics);
            }, text, writer).ConfigureAwait(false);

            foreach (var (index, _) in pending)
            {
                var diagnostics = new List<Diagnostic>();
                if (unchanged.Contains(index))
                {
                    writer.Progress("Unchanged", plan.PathFor(inputs[index], "pdf"), written: false);
                }
                else if (outcomes.TryGetValue(index, out var outcome))
                {
                    foreach (var (path, written) in outcome.Written)
                    {
                        writer.Progress(written ? "Wrote" : "Unchanged", path, written);
                    }

                    diagnostics.AddRange(outcome.Diagnostics);
                    writer.Write(diagnostics);
                }
                else
                {
                    // Why it did not print was reported when it failed.
                    diagnostics.Add(Diagnostic.Create(Descriptors.PrintFailed, SourceSpan.WholeFile(inputs[index].Path), text, inputs[index].Path, "no PDF"));
                }

                results[index] = results[index] with { Diagnostics = [.. results[index].Diagnostics, .. diagnostics] };
            }
        }
    }

    private static IReadOnlyList<(string Path, bool Written)> Write(InputFiles.Input input, IReadOnlyList<(string Path, byte[] Content)> files, MessageText text, List<Diagnostic> diagnostics)
    {
        try
        {
            return OutputSet.Write(files);
        }
        catch (OutputException e)
        {
            diagnostics.Add(Diagnostic.Create(Descriptors.CannotWrite, SourceSpan.WholeFile(input.Path), text, e.Path, WhyNot(e.Path, e.InnerException ?? e, text)));
            return [];
        }
    }

    // Why a file could not be written, in the message language where the cause is a usual one (the system's
    // own words are English).
    private static string WhyNot(string path, Exception e, MessageText text)
    {
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return text.Format("PathPartIsAFile", folder);
            }
        }

        return e is UnauthorizedAccessException ? text.Get("NoPermission") : e.Message;
    }

    private sealed record Result(InputFiles.Input Input, List<Diagnostic> Diagnostics, IReadOnlyList<(string Path, bool Written)> Written)
    {
        public bool Failed => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }
}
