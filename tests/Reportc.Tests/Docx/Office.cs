using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Reportc.Tests.Docx;

/// <summary>The real clients of a .docx here: LibreOffice (headless, to PDF), pandoc, and the Open XML SDK's validator.</summary>
internal static class Office
{
    /// <summary>Converts with LibreOffice, in a profile of its own (parallel runs would share one otherwise).</summary>
    public static string ToPdf(string docx) => Convert(docx, "pdf", ".pdf");

    /// <summary>Converts with LibreOffice to <paramref name="filter"/> (pdf, doc, "txt:Text (encoded):UTF8"…), beside the file.</summary>
    public static string Convert(string docx, string filter, string extension)
    {
        var profile = TestPaths.NewTempFolder();
        var folder = Path.GetDirectoryName(docx)!;
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--headless", $"-env:UserInstallation={new Uri(profile).AbsoluteUri}", "--convert-to", filter, "--outdir", folder, docx })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start soffice");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"soffice did not convert {docx} in 3 minutes");
        }

        var pdf = Path.ChangeExtension(docx, extension);
        Assert.True(File.Exists(pdf), $"soffice wrote no {extension} for {docx}: {output.Result} {error.Result}");
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile left behind in the temporary folder is harmless.
        }

        return pdf;
    }

    /// <summary>The Open XML SDK's schema and semantic validation, every error as one line.</summary>
    public static IReadOnlyList<string> Validate(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>Every text run of the document body, text boxes included, as the SDK reads them (tabs left out).</summary>
    public static string Text(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return string.Concat(document.MainDocumentPart!.Document!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }

    /// <summary>The text pandoc reads from the .docx (standalone: pandoc takes the Title paragraph for the title block).</summary>
    public static string Pandoc(string docx) => Pdf.PdfText.Run("pandoc", "-s", "-f", "docx", "-t", "plain", "--wrap=none", docx);
}
