using System.Diagnostics;
using Reportc.Diagnostics;

namespace Reportc.Import;

/// <summary>
/// Formats read through an installed program: .pdf with poppler's pdftotext (-layout), .doc and .wps with
/// LibreOffice (converted to .docx in a fresh profile and folder, removed afterwards). A missing program is a
/// diagnostic naming its Debian package; a program that hangs is stopped at the time limit.
/// </summary>
internal static class Converters
{
    public static SourceDocument? FromPdf(string path, ImportLimits limits, DiagnosticBag diagnostics)
    {
        var folder = TempFolder();
        try
        {
            var output = Path.Combine(folder, "out.txt");
            if (!Run("pdftotext", ["-layout", "-enc", "UTF-8", Path.GetFullPath(path), output], path, "PDF", "poppler-utils", limits, diagnostics) || !File.Exists(output))
            {
                return null;
            }

            if (new FileInfo(output).Length > limits.MaxTextBytes)
            {
                diagnostics.Report(Descriptors.ImportUnreadable, SourceSpan.WholeFile(path), path, diagnostics.Text.Format("ImportTooLarge", limits.MaxTextBytes));
                return null;
            }

            return PdfText.Parse(path, File.ReadAllText(output));
        }
        finally
        {
            Remove(folder);
        }
    }

    public static SourceDocument? FromWord(string path, ImportLimits limits, DiagnosticBag diagnostics)
    {
        var folder = TempFolder();
        try
        {
            var profile = new Uri(Path.Combine(folder, "profile") + Path.DirectorySeparatorChar).AbsoluteUri;
            var outDir = Path.Combine(folder, "out");
            Directory.CreateDirectory(outDir);
            var program = Find("soffice") ?? Find("libreoffice") ?? "soffice";
            if (!Run(program, ["--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", "docx", "--outdir", outDir, Path.GetFullPath(path)],
                    path, Path.GetExtension(path).TrimStart('.').ToUpperInvariant(), "libreoffice-writer", limits, diagnostics))
            {
                return null;
            }

            var docx = Directory.GetFiles(outDir, "*.docx").FirstOrDefault();
            if (docx is null)
            {
                diagnostics.Report(Descriptors.ImportConverterFailed, SourceSpan.WholeFile(path), "LibreOffice", "no .docx was written");
                return null;
            }

            var document = DocxReader.Read(docx, File.ReadAllBytes(docx), limits, diagnostics);
            return document is null ? null : document with { Path = path };
        }
        finally
        {
            Remove(folder);
        }
    }

    private static bool Run(string program, string[] arguments, string path, string format, string package, ImportLimits limits, DiagnosticBag diagnostics)
    {
        var found = Path.IsPathRooted(program) ? program : Find(program);
        if (found is null)
        {
            diagnostics.Report(Descriptors.ImportConverterMissing, SourceSpan.Tool, format, program, package);
            return false;
        }

        var start = new ProcessStartInfo(found)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            diagnostics.Report(Descriptors.ImportConverterFailed, SourceSpan.WholeFile(path), program, "it did not start");
            return false;
        }

        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(limits.MaxTime))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            diagnostics.Report(Descriptors.ImportConverterFailed, SourceSpan.WholeFile(path), program, diagnostics.Text.Format("ImportTimeout", (int)limits.MaxTime.TotalSeconds));
            return false;
        }

        if (process.ExitCode != 0)
        {
            var message = error.Wait(TimeSpan.FromSeconds(1)) ? error.Result.Trim() : "";
            diagnostics.Report(Descriptors.ImportConverterFailed, SourceSpan.WholeFile(path), program, message.Length > 0 ? message.Split('\n')[0] : "exit code " + process.ExitCode);
            return false;
        }

        return true;
    }

    private static string? Find(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".com" } : [program])
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reportc-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A converter still holding a file: the temporary folder is left to the system's cleaning.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
