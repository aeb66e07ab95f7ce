using Reportc.Diagnostics;

namespace Reportc.Import;

/// <summary>Picks the reader for a file by its extension and holds every reader to the limits.</summary>
internal static class DocumentReaders
{
    public static SourceDocument? Read(string path, ImportLimits limits, DiagnosticBag diagnostics)
    {
        var here = SourceSpan.WholeFile(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".txt" or ".md" or ".markdown" or ".text" or ".docx" or ".html" or ".htm" or ".pdf" or ".doc" or ".wps"))
        {
            diagnostics.Report(Descriptors.ImportUnreadable, here, path, diagnostics.Text.Format("ImportUnsupported", extension));
            return null;
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Report(Descriptors.FileNotFound, here, path, diagnostics.Text.Get(Directory.Exists(path) ? "IsFolder" : "NoSuchFile"));
                return null;
            }

            var limit = extension is ".docx" or ".pdf" or ".doc" or ".wps" ? limits.MaxFileBytes : limits.MaxTextBytes;
            if (info.Length > limit)
            {
                diagnostics.Report(Descriptors.ImportUnreadable, here, path, diagnostics.Text.Format("ImportTooLarge", limit));
                return null;
            }

            bytes = extension is ".pdf" or ".doc" or ".wps" ? [] : File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(Descriptors.FileNotFound, here, path, e.Message);
            return null;
        }

        return extension switch
        {
            ".docx" => DocxReader.Read(path, bytes, limits, diagnostics),
            ".html" or ".htm" => HtmlReader.Read(path, bytes, diagnostics),
            ".pdf" => Converters.FromPdf(path, limits, diagnostics),
            ".doc" or ".wps" => Converters.FromWord(path, limits, diagnostics),
            _ => TextDocumentReader.Read(path, bytes, diagnostics),
        };
    }
}
