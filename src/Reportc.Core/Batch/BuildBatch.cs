using System.Text;
using Reportc.Diagnostics;
using Reportc.Output;
using Reportc.Pdf;

namespace Reportc.Batch;

/// <summary>
/// What a batch tells as it goes, for the command line to print: called from one thread at a time, each
/// report's diagnostics and outputs in input order.
/// </summary>
internal interface IBatchListener
{
    /// <summary>Another build writes into <paramref name="folder"/>: this one waits for it.</summary>
    void Waiting(string folder);

    /// <summary>A report is compiled (in the order they finish): a live counter may show it.</summary>
    void Compiled(string path);

    /// <summary>What follows is printed: a live counter is cleared first.</summary>
    void Pause();

    void Diagnostics(IReadOnlyList<Diagnostic> diagnostics);

    /// <summary>An output written, or left as it was because its bytes were the same.</summary>
    void Output(string path, bool written);
}

/// <summary>
/// <c>reportc build</c>'s pipeline: compiles each report (in parallel), writes each error-free report's outputs
/// as one set through the rename journal (Output.OutputSet), mirroring the inputs' tree under the output folder,
/// and prints the PDFs with one browser for the whole run (PdfStage). One broken file never stops the others.
/// </summary>
internal sealed class BuildBatch(ReportCompiler compiler, IReadOnlyList<InputFiles.Input> inputs, IReadOnlyCollection<string> formats, string? outputFolder, IBatchListener listener)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The browser to print PDFs with (--browser); null: REPORTC_BROWSER, else found.</summary>
    public string? Browser { get; init; }

    /// <summary>Builds every input; the inputs that failed (errors, or an output not written or printed), in input order.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancel)
    {
        var text = compiler.Options.Text;
        var plan = new OutputPlan(outputFolder);
        var results = new Result[inputs.Count];
        var pdfWanted = formats.Contains("pdf");
        var pending = new List<(int Index, Compilation Compilation)>();
        var gate = new Lock();
        var reported = 0;

        // One build at a time writes into a folder: a second one waits, saying so. Then what runs that were
        // killed left there is put in order: half-renamed sets finished, temporary files removed.
        List<string> folders = outputFolder is not null ? [outputFolder] : [.. inputs.Select(input => Path.GetDirectoryName(Path.GetFullPath(plan.PathFor(input, "md")))!).Distinct()];
        using var folderLock = await FolderLock.TakeAsync(folders, listener.Waiting, cancel).ConfigureAwait(false);
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
        var pdfStage = pdfWanted ? PdfStage.Start(Browser, startNow: inputs.Any(input => !File.Exists(plan.PathFor(input, "pdf"))), cancel) : null;
        try
        {
            await Compile().ConfigureAwait(false);
            listener.Pause();
        }
        catch when (pdfStage is not null)
        {
            await pdfStage.PrintAsync([], (_, _) => { }, text, Report).ConfigureAwait(false); // closes the browser
            throw;
        }

        if (pdfStage is not null)
        {
            await Print(pdfStage).ConfigureAwait(false);
        }

        return [.. results.Where(r => r.Failed).Select(r => r.Input.Path)];

        void Report(Diagnostic diagnostic)
        {
            lock (gate)
            {
                listener.Diagnostics([diagnostic]);
            }
        }

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
                listener.Compiled(input.Path);
                while (reported < results.Length && results[reported] is { } next)
                {
                    listener.Pause();
                    listener.Diagnostics(next.Diagnostics);
                    foreach (var (path, written) in next.Written)
                    {
                        listener.Output(path, written);
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
            }, text, Report).ConfigureAwait(false);

            foreach (var (index, _) in pending)
            {
                var diagnostics = new List<Diagnostic>();
                if (unchanged.Contains(index))
                {
                    listener.Output(plan.PathFor(inputs[index], "pdf"), written: false);
                }
                else if (outcomes.TryGetValue(index, out var outcome))
                {
                    foreach (var (path, written) in outcome.Written)
                    {
                        listener.Output(path, written);
                    }

                    diagnostics.AddRange(outcome.Diagnostics);
                    listener.Diagnostics(diagnostics);
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

    /// <summary><c>reportc check</c>'s pipeline: every input compiled (in parallel), nothing written; in input order.</summary>
    public static IReadOnlyList<Compilation> CheckAll(ReportCompiler compiler, IReadOnlyList<InputFiles.Input> inputs)
    {
        var results = new Compilation[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = compiler.Compile(inputs[i].Path));
        return results;
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
