using Reportc.Diagnostics;
using Reportc.Pdf;

namespace Reportc.Cli;

/// <summary>Prints the HTML of every built report to PDF with one browser, a few tabs at a time.</summary>
internal static class PdfStage
{
    /// <summary>The PDF of each report that printed; the others are reported. An empty map when there is no browser.</summary>
    public static async Task<Dictionary<Compilation, byte[]>> PrintAsync(
        IReadOnlyList<Compilation> reports, string? browserOption, MessageText text, DiagnosticWriter writer, CancellationToken cancel)
    {
        var result = new Dictionary<Compilation, byte[]>();
        var browser = BrowserLocator.Find(browserOption, out var tried);
        if (browser is null)
        {
            var first = reports[0];
            writer.Write([Diagnostic.Create(Descriptors.NoBrowser, SourceSpan.WholeFile(first.InputPath), text, string.Join(", ", tried.Take(8)) + (tried.Count > 8 ? ", …" : ""))]);
            return result;
        }

        var folder = Path.Combine(Path.GetTempPath(), "reportc-print-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var printer = await ChromiumPdfPrinter.StartAsync(browser, tabs: Math.Clamp(Environment.ProcessorCount, 1, 4), cancel).ConfigureAwait(false);
            var jobs = reports.Select((report, i) => PrintOne(printer, report, Path.Combine(folder, $"{i}.html"), text, writer)).ToList();
            foreach (var (report, pdf) in await Task.WhenAll(jobs).ConfigureAwait(false))
            {
                if (pdf is not null)
                {
                    result[report] = pdf;
                }
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or System.ComponentModel.Win32Exception or System.Net.WebSockets.WebSocketException)
        {
            lock (writer)
            {
                writer.Write([Diagnostic.Create(Descriptors.PrintFailed, SourceSpan.WholeFile(reports[0].InputPath), text, browser, e.Message)]);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return result;
    }

    private static async Task<(Compilation, byte[]?)> PrintOne(ChromiumPdfPrinter printer, Compilation report, string htmlPath, MessageText text, DiagnosticWriter writer)
    {
        var html = report.Outputs.Single(o => o.Format == "html").Content;
        await File.WriteAllTextAsync(htmlPath, html).ConfigureAwait(false);
        try
        {
            var pdf = await printer.PrintAsync(htmlPath).ConfigureAwait(false);
            var doc = report.Document!;
            return (report, PdfInfo.Apply(pdf, doc.Title, doc.Author, doc.Date));
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidDataException or System.Net.WebSockets.WebSocketException)
        {
            lock (writer)
            {
                writer.Write([Diagnostic.Create(Descriptors.PrintFailed, SourceSpan.WholeFile(report.InputPath), text, report.InputPath, e.Message)]);
            }

            return (report, null);
        }
    }
}
