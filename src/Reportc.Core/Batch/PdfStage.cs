using Reportc.Diagnostics;
using Reportc.Output;
using Reportc.Pdf;

namespace Reportc.Batch;

/// <summary>
/// Prints the HTML of every built report to PDF with one browser, a few tabs at a time. The browser is
/// started while the reports are still being built, and each PDF is handed on as soon as it is printed,
/// so a batch of thousands never holds its PDFs in memory. What goes wrong is handed to the caller to print,
/// one diagnostic at a time (from several threads).
/// </summary>
internal sealed class PdfStage
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Compilation, string> _keys = new();
    private readonly Lazy<string> _browserIdentity;
    private readonly Lazy<PrintFonts?> _fonts = new(PrintFonts.Create);
    private Task<ChromiumPdfPrinter?>? _printer;
    private readonly string? _browser;
    private readonly IReadOnlyList<string> _tried;
    private readonly CancellationToken _cancel;
    private Exception? _startFailure;

    private PdfStage(string? browser, IReadOnlyList<string> tried, bool startNow, CancellationToken cancel)
    {
        _browser = browser;
        _tried = tried;
        _cancel = cancel;
        _browserIdentity = new(() => browser is null ? "" : new FileInfo(browser) is { Exists: true } file ? $"{browser}|{file.Length}|{file.LastWriteTimeUtc.Ticks}" : browser);
        if (startNow)
        {
            _ = Printer;
        }
    }

    private Task<ChromiumPdfPrinter?> Printer => _printer ??= _browser is null ? Task.FromResult<ChromiumPdfPrinter?>(null) : StartAsync(_browser);

    /// <summary>Finds the browser and, when <paramref name="startNow"/>, starts it in the background.</summary>
    public static PdfStage Start(string? browserOption, bool startNow, CancellationToken cancel)
    {
        // The profiles and print copies of runs that were killed (SIGKILL) are removed first.
        Leftovers.RemoveStale(Path.GetTempPath());
        return new(BrowserLocator.Find(browserOption, out var tried), tried, startNow, cancel);
    }

    /// <summary>
    /// What a report's PDF is printed from: its HTML, the browser (path, size and time, which change when
    /// it is upgraded) and the installed font files it is given. A PDF that carries the same key is not
    /// printed again.
    /// </summary>
    public string Key(Compilation report) => _keys.GetOrAdd(report, r =>
    {
        var html = r.Outputs.Single(o => o.Format == "html").Content;
        var fonts = _fonts.Value?.Identity(html) ?? "system fonts";
        // Signed with a secret kept outside the outputs (PdfKeySecret): a planted PDF cannot carry it.
        var content = System.Text.Encoding.UTF8.GetBytes(html + "\n" + _browserIdentity.Value + "\n" + fonts);
        return PdfKeySecret.Sign(content) ?? "";
    });

    private static int Tabs => Math.Clamp(Environment.ProcessorCount, 1, 4);

    private async Task<ChromiumPdfPrinter?> StartAsync(string browser)
    {
        try
        {
            return await ChromiumPdfPrinter.StartAsync(browser, Tabs, _cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or TimeoutException or System.ComponentModel.Win32Exception or System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            _startFailure = e;
            return null;
        }
    }

    /// <summary>
    /// Prints <paramref name="reports"/>, calling <paramref name="printed"/> with each PDF as it comes (from
    /// several threads); a report that did not print is reported and gets no call. The browser is closed after.
    /// </summary>
    public async Task PrintAsync(IReadOnlyList<Compilation> reports, Action<Compilation, byte[]> printed, MessageText text, Action<Diagnostic> report)
    {
        if (reports.Count == 0 && _printer is null)
        {
            return;
        }

        await using var printer = await Printer.ConfigureAwait(false);
        if (reports.Count == 0)
        {
            return;
        }

        _cancel.ThrowIfCancellationRequested();

        if (_browser is null)
        {
            report(Diagnostic.Create(Descriptors.NoBrowser, SourceSpan.Tool, text, string.Join(", ", _tried.Take(8)) + (_tried.Count > 8 ? ", …" : "")));
            return;
        }

        if (printer is null)
        {
            report(Diagnostic.Create(Descriptors.BrowserDidNotStart, SourceSpan.Tool, text, _browser, _startFailure switch
            {
                BrowserExitedException { Output: var said } => text.Get("DidNotStart") + (said.Length > 0 ? $" ({said})" : ""),
                { Message: var m } => m,
                null => text.Get("DidNotStart"),
            }));
            return;
        }

        // Once a run: a browser that prints without its sandbox, and why.
        if (printer.NoSandbox is { } off)
        {
            var why = off.NoUser
                ? text.Get("SandboxNoUser")
                : text.Format("SandboxEnded", off.Tried.Uid is { } uid ? text.Format("SandboxAsUser", uid.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "", off.Said is { Length: > 0 } said ? $" ({said})" : "");
            report(Diagnostic.Create(Descriptors.NoSandbox, SourceSpan.Tool, text, why));
        }

        // Once a run: the standard fonts that neither this machine nor the reports supply.
        if (StandardFonts.Missing(reports.Select(r => r.Outputs.Single(o => o.Format == "html").Content)) is { Count: > 0 } missing)
        {
            report(Diagnostic.Create(Descriptors.StandardFontsMissing, SourceSpan.Tool, text, string.Join(text.Get("ListSeparator"), missing)));
        }

        var folder = PrivateFolder.Create("reportc-print-");
        try
        {
            // A few more documents are under way than there are tabs: the next copy is prepared (its fonts cut)
            // while the tabs print, and a batch of thousands never has thousands of copies on disk.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Tabs + 2, CancellationToken = _cancel };
            await Parallel.ForEachAsync(reports.Select((report, i) => (report, i)), parallel, async (item, _) =>
                await PrintOne(printer, item.report, Key(item.report), Path.Combine(folder, $"{item.i}.html"), printed, text, report).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            Leftovers.Delete(folder);
        }
    }

    private async Task PrintOne(ChromiumPdfPrinter printer, Compilation report, string key, string htmlPath, Action<Compilation, byte[]> printed, MessageText text, Action<Diagnostic> problem)
    {
        try
        {
            // A browser that is gone prints nothing more: each report left says so, and no copy is made for it.
            if (printer.IsGone)
            {
                throw new BrowserGoneException(printer.GoneReason ?? "");
            }

            var html = report.Outputs.Single(o => o.Format == "html").Content;
            // The browser prints a copy that carries the installed fonts it uses, cut to the report's characters.
            await File.WriteAllTextAsync(htmlPath, _fonts.Value?.Embed(html) ?? html, _cancel).ConfigureAwait(false);
            var pdf = await printer.PrintAsync(htmlPath, _cancel).ConfigureAwait(false);
            File.Delete(htmlPath);
            var doc = report.Document!;
            printed(report, PdfInfo.Apply(pdf, doc.Title, doc.Author, doc.Date, key));
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidDataException or System.Net.WebSockets.WebSocketException)
        {
            if (e is BrowserGoneException && !_cancel.IsCancellationRequested)
            {
                // Ctrl+C in a terminal signals the browser too (one process group): its end is then the run's
                // being stopped, which comes in a moment, and not a failure of each report.
                await Task.Delay(500, CancellationToken.None).ConfigureAwait(false);
            }

            _cancel.ThrowIfCancellationRequested();
            var why = e is BrowserGoneException gone ? text.Format("BrowserGone", gone.Reason) : e.Message;
            problem(Diagnostic.Create(Descriptors.PrintFailed, SourceSpan.WholeFile(report.InputPath), text, report.InputPath, why));
        }
    }
}
